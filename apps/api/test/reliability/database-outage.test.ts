/**
 * Real Postgres only (TEST_DATABASE_URL): the database drops every connection and refuses new
 * ones while requests are in flight. The process must not crash (an unhandled pg `error`
 * event would end it), answers must be 200 or 503 database_unavailable with Retry-After,
 * health must say the database is down, and once the database accepts connections again the
 * API must answer by itself within 5 s.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../fixtures.js';

const serverUrl = process.env.TEST_DATABASE_URL;
let t: TestApp;
let databaseName: string;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const dropConnections = (allow: boolean) =>
  admin(`alter database ${databaseName} allow_connections ${allow}`).then(() =>
    allow
      ? undefined
      : admin(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName}' and pid <> pg_backend_pid()`,
        ),
  );

beforeAll(async () => {
  if (!serverUrl) return;
  t = await startTestApp();
  const row = await t.database.db
    .selectNoFrom((eb) => eb.fn<string>('current_database').as('name'))
    .executeTakeFirstOrThrow();
  databaseName = row.name;
});
afterAll(async () => {
  if (!serverUrl) return;
  await dropConnections(true).catch(() => {});
  await t?.close();
});

describe.skipIf(!serverUrl)('a database outage on real Postgres', () => {
  it('when connections are cut under load, then answers are 200 or 503 with Retry-After, health says down, and the API recovers within 5 s', async () => {
    let stop = false;
    const statuses = new Map<number, number>();
    const bad: string[] = [];
    const client = async () => {
      while (!stop) {
        const answer = await t.call('GET', '/workspaces/acme/settings', { as: 'owner' });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 503) {
          if (answer.body.error?.code !== 'database_unavailable')
            bad.push(JSON.stringify(answer.body));
          if (answer.headers.get('retry-after') !== '5') bad.push('no Retry-After');
        } else if (answer.status !== 200) {
          bad.push(`${answer.status} ${JSON.stringify(answer.body)}`);
        }
      }
    };
    const load = Array.from({ length: 8 }, client);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await dropConnections(false);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const health = await t.call('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.database).toBe('down');
    await dropConnections(true);
    const back = Date.now();
    let recoveredMs = Infinity;
    while (Date.now() - back < 10_000) {
      const answer = await t.call('GET', '/workspaces/acme/settings', { as: 'owner' });
      if (answer.status === 200) {
        recoveredMs = Date.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(load);
    console.log(
      `outage: answers ${JSON.stringify(Object.fromEntries(statuses))}, recovered in ${recoveredMs} ms`,
    );
    expect(bad).toEqual([]);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(recoveredMs).toBeLessThan(5_000);
    expect((await t.call('GET', '/health')).status).toBe(200);
  });
});
