import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { listen, type Listening } from './listen.js';

let database: TestDatabase;
let server: Listening;

beforeAll(async () => {
  database = await createTestDatabase();
  const webDist = mkdtempSync(path.join(tmpdir(), 'yugang-web-'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><title>鱼缸</title><div id="root"></div>',
  );
  server = await listen(createApp({ handle: database, webDist }));
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('http server', () => {
  it('when health is asked, then it answers 200 and names the engine', async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      engine: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      database: 'up',
    });
  });

  it('when an unknown API route is asked, then it answers a JSON 404 without a stack', async () => {
    const response = await fetch(`${server.url}/api/v1/nowhere`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  it('when a page route is asked, then the web app is served', async () => {
    for (const route of ['/', '/dashboard/roi']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('when a JSON body is malformed, then the answer is a 400 error body', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_json',
    );
  });
});
