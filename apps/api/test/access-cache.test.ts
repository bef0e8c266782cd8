/**
 * ACCESS_CACHE_MS (src/http/recent.ts): a process keeps a caller, their role and the data version
 * for a bounded time. A revoked key, a removed member, a logout and a role change count at once
 * in the process that made them, and within the bound in another one (a second app on the same
 * database plays the other cluster worker: it shares nothing with the first but the database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { defaultConfig } from '../src/config.js';
import { startTestApp, type CallerName, type TestApp } from './fixtures.js';
import { listen, type Listening } from './listen.js';

const BOUND_MS = 1000;

let t: TestApp;
let worker: Listening;
/** The same database behind a bound long enough that staleness can be seen without racing. */
let slow: Listening;

beforeAll(async () => {
  t = await startTestApp({ accessCacheMs: BOUND_MS });
  const app = (ms: number) =>
    listen(createApp({ handle: t.database, config: { ...defaultConfig, ACCESS_CACHE_MS: ms } }));
  worker = await app(BOUND_MS);
  slow = await app(60_000);
}, 180_000);

afterAll(async () => {
  await worker?.close();
  await slow?.close();
  await t?.close();
});

async function status(server: Listening, path: string, as: CallerName): Promise<number> {
  const response = await fetch(`${server.url}/api/v1${path}`, { headers: t.fixture.headers[as] });
  await response.arrayBuffer();
  return response.status;
}

/** Milliseconds until `server` answers `expected` (polled every 50 ms, at most 10 s). */
async function msUntil(
  server: Listening,
  path: string,
  as: CallerName,
  expected: number,
): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < 10_000) {
    if ((await status(server, path, as)) === expected) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} as ${as} never answered ${expected}`);
}

interface Change {
  name: string;
  as: CallerName;
  path: string;
  before: number;
  after: number;
  change(): Promise<number>;
}

const ws = () => `/workspaces/${t.fixture.workspace.slug}`;
const changes: Change[] = [
  {
    name: 'a revoked API key',
    as: 'leadKey',
    path: '/settings',
    before: 200,
    after: 401,
    change: async () =>
      (await t.call('DELETE', `${ws()}/api-keys/${t.fixture.keys.lead.id}`, { as: 'owner' }))
        .status,
  },
  {
    name: 'a removed member',
    as: 'viewer',
    path: '/settings',
    before: 200,
    after: 404,
    change: async () =>
      (await t.call('DELETE', `${ws()}/members/${t.fixture.users.viewer.id}`, { as: 'owner' }))
        .status,
  },
  {
    name: 'a role change',
    as: 'lead',
    path: '/members',
    before: 403,
    after: 200,
    change: async () =>
      (
        await t.call('PATCH', `${ws()}/members/${t.fixture.users.lead.id}`, {
          as: 'owner',
          body: { role: 'owner' },
        })
      ).status,
  },
  {
    name: 'a logout',
    as: 'owner',
    path: '/settings',
    before: 200,
    after: 401,
    change: async () => (await t.call('POST', '/auth/logout', { as: 'owner' })).status,
  },
];

describe(`callers and roles kept for ${BOUND_MS} ms`, () => {
  for (const c of changes) {
    it(`${c.name}: at once here, within the bound in another process`, async () => {
      const path = `${ws()}${c.path}`;
      for (const server of [t.server, worker, slow]) {
        expect(await status(server, path, c.as)).toBe(c.before);
      }
      expect(await c.change()).toBeLessThan(300);
      // The process that made the change: the very next request.
      expect(await status(t.server, path, c.as)).toBe(c.after);
      // A process with a 60 s bound still answers from what it kept: the cache is in use.
      expect(await status(slow, path, c.as)).toBe(c.before);
      // Another process: within the bound (plus a request's time on a busy machine).
      const ms = await msUntil(worker, path, c.as, c.after);
      expect(ms).toBeLessThan(BOUND_MS + 1000);
    });
  }
});

describe('the data version', () => {
  it('a data change made by another process shows within the bound', async () => {
    const path = `${ws()}/metrics/summary`;
    const lastImport = async (server: Listening) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        headers: t.fixture.headers.lead,
      });
      const body = (await response.json()) as { freshness: { lastImportAt: string | null } };
      return body.freshness.lastImportAt;
    };
    const before = await lastImport(worker);
    // What a CLI import in another process leaves: a succeeded import, a new data version.
    const finishedAt = new Date('2026-06-01T00:00:00Z');
    await t.database.db
      .insertInto('imports')
      .values({
        workspace_id: t.fixture.workspace.id,
        kind: 'orders',
        status: 'succeeded',
        message: null,
        created_by: null,
        api_key_id: null,
        finished_at: finishedAt,
        preset: null,
      })
      .execute();
    const start = performance.now();
    while ((await lastImport(worker)) === before && performance.now() - start < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await lastImport(worker)).toBe(finishedAt.toISOString());
    expect(performance.now() - start).toBeLessThan(BOUND_MS + 1000);
  });
});
