import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { DEMO_LOGIN, ensureDemoWorkspace } from '../src/bootstrap.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { listen, type Listening } from './listen.js';

let database: TestDatabase;
let server: Listening;
const log: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemoWorkspace(database, (line) => log.push(line), { customers: 1500 });
  server = await listen(createApp({ handle: database }));
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('first start', () => {
  it('when the demo login signs in, then the summary shows the loaded demo from the read model', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_LOGIN),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const summary = await fetch(
      `${server.url}/api/v1/workspaces/demo/metrics/summary?from=2025-10-01&to=2026-10-01`,
      { headers: { cookie } },
    );
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as {
      metrics: Record<
        string,
        { private: { value: number | null }; public: { value: number | null } }
      >;
    };
    expect(body.metrics.buyers?.private.value).toBeGreaterThan(0);
    expect(body.metrics.buyers?.public.value).toBeGreaterThan(0);
    expect(body.metrics.purchase_frequency?.private.value).toBeGreaterThan(
      body.metrics.purchase_frequency?.public.value ?? Infinity,
    );
  });

  it('when the server starts again, then the demo is left as it is', async () => {
    const before = log.length;
    await ensureDemoWorkspace(database, (line) => log.push(line), { customers: 1500 });
    expect(log.length).toBe(before);
    expect(log.some((line) => line.includes('read model'))).toBe(true);
  });
});
