import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { createFixture, FIXTURE_PASSWORD, type Fixture } from '../fixtures.js';
import { listen, type Listening } from '../listen.js';
import { createTestDatabase, type TestDatabase } from '../test-database.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let database: TestDatabase;
let fixture: Fixture;
/** The default: no proxy trusted. */
let direct: Listening;
/** TRUST_PROXY=loopback: the test client plays the proxy. */
let proxied: Listening;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createFixture(database);
  const webDist = mkdtempSync(path.join(tmpdir(), 'yugang-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  direct = await listen(createApp({ handle: database, webDist }));
  proxied = await listen(
    createApp({ handle: database, webDist, config: { ...defaultConfig, TRUST_PROXY: 'loopback' } }),
  );
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  await database?.dispose();
});

const login = (url: string, headers: Record<string, string>, password = FIXTURE_PASSWORD) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: fixture.users.viewer.email, password }),
  });

describe('security headers', () => {
  it('when the web app or the API answers, then CSP, nosniff, referrer and framing headers are set', async () => {
    const page = await fetch(`${direct.url}/dashboard`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    const api = await fetch(`${direct.url}/api/v1/health`);
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const response of [page, api]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('when no proxy is trusted, then X-Forwarded-Proto https gives neither HSTS nor a Secure cookie', async () => {
    const response = await login(direct.url, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('when the proxy is trusted and says https, then HSTS is sent and the cookie is Secure', async () => {
    const response = await login(proxied.url, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const plain = await login(proxied.url, {});
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('when no proxy is trusted, then a new X-Forwarded-For per attempt does not escape the login limiter', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const response = await fetch(`${direct.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i + 1}` },
        body: JSON.stringify({ email: fixture.users.lead.email, password: 'wrong password 1' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
