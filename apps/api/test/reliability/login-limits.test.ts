/**
 * The login limiter and account lockout live in the database: they hold across a restart (a new
 * app on the same database) and across processes; the password policy refuses common
 * passwords; sign-ins and failed sign-ins land in the audit log the owner reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { createFixture, FIXTURE_PASSWORD, type Fixture } from '../fixtures.js';
import { listen, type Listening } from '../listen.js';
import { createTestDatabase, type TestDatabase } from '../test-database.js';

let database: TestDatabase;
let fixture: Fixture;
const servers: Listening[] = [];

async function serve(trustProxy: boolean | string = false): Promise<Listening> {
  const server = await listen(
    createApp({ handle: database, config: { ...defaultConfig, TRUST_PROXY: trustProxy } }),
  );
  servers.push(server);
  return server;
}

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createFixture(database);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database?.dispose();
});

const login = (
  url: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

describe('login limits in the database', { timeout: 120_000 }, () => {
  it('when one IP fails 10 times on an account, then it is refused, also by a freshly started app on the same database', async () => {
    const first = await serve();
    const email = fixture.users.viewer.email;
    for (let i = 0; i < 10; i += 1)
      expect((await login(first.url, email, 'wrong guess 1')).status).toBe(401);
    const refused = await login(first.url, email, FIXTURE_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    await first.close();
    const restarted = await serve();
    expect((await login(restarted.url, email, FIXTURE_PASSWORD)).status).toBe(429);
  });

  it('when an account fails 30 times from 30 addresses, then it is locked out for every address', async () => {
    const proxied = await serve('loopback');
    const email = fixture.users.lead.email;
    for (let i = 0; i < 30; i += 1) {
      const answer = await login(proxied.url, email, 'wrong guess 2', {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
      expect(answer.status).toBe(401);
    }
    const locked = await login(proxied.url, email, FIXTURE_PASSWORD, {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(locked.status).toBe(429);
    // Other accounts from that address are not affected.
    const other = await login(proxied.url, fixture.users.owner.email, FIXTURE_PASSWORD, {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(other.status).toBe(200);
  });

  it('when an owner signs in after a failure, then both are in the audit log', async () => {
    const server = await serve('loopback');
    const email = fixture.users.owner.email;
    const ip = { 'x-forwarded-for': '192.0.2.44' };
    expect((await login(server.url, email, 'wrong guess 3', ip)).status).toBe(401);
    expect((await login(server.url, email, FIXTURE_PASSWORD, ip)).status).toBe(200);
    const audit = await fetch(`${server.url}/api/v1/workspaces/acme/audit-log`, {
      headers: fixture.headers.owner,
    });
    const { entries } = (await audit.json()) as {
      entries: { action: string; target: string; details: { ip?: string } }[];
    };
    const mine = entries.filter((e) => e.target === email && e.details.ip === '192.0.2.44');
    expect(mine.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.login_failed']);
  });
});

describe('password policy', () => {
  it('when a common password is set for a new member or as a new password, then it answers 400 weak_password', async () => {
    const server = await serve();
    const add = await fetch(`${server.url}/api/v1/workspaces/acme/members`, {
      method: 'POST',
      headers: { ...fixture.headers.owner, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'new@acme.test', role: 'viewer', password: 'Password123!' }),
    });
    expect(add.status).toBe(400);
    expect(((await add.json()) as { error: { code: string } }).error.code).toBe('weak_password');
    const change = await fetch(`${server.url}/api/v1/auth/password`, {
      method: 'POST',
      headers: { ...fixture.headers.viewer, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: FIXTURE_PASSWORD, newPassword: 'qwertyuiop' }),
    });
    expect(change.status).toBe(400);
    expect(((await change.json()) as { error: { code: string } }).error.code).toBe('weak_password');
  });
});
