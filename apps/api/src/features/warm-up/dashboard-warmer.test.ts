import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, localDateOf } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports/samples');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ warmer: true });
});
afterAll(async () => {
  await t?.close();
});

async function importSample(kind: string, query = ''): Promise<Record<string, unknown>> {
  const response = await fetch(
    `${t.url}/api/v1/workspaces/${t.fixture.workspace.slug}/imports/${kind}${query}`,
    {
      method: 'POST',
      headers: { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
      body: readFileSync(path.join(SAMPLES, `${kind}.csv`)),
    },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { import: Record<string, unknown> }).import;
}

const tiersAsOf = async (asOf: string) =>
  (await t.call('GET', `/workspaces/acme/tiers?asOf=${asOf}`, { as: 'viewer' })).body as {
    cached: boolean;
  };

describe('dashboard warm-up after imports', () => {
  it('when imports land, then the default answers are computed before anyone asks, and only those', async () => {
    for (const kind of ['channels', 'customers', 'orders']) {
      expect(await importSample(kind)).toMatchObject({ status: 'succeeded' });
    }
    await t.warmer!.settled();
    const today = localDateOf(new Date(), t.fixture.workspace.time_zone);
    expect((await tiersAsOf(today)).cached).toBe(true);
    // Not a default: computed on request.
    expect((await tiersAsOf(addDays(today, -1))).cached).toBe(false);
  });

  it('when an import changes no row, then the new data version is warmed too', async () => {
    const today = localDateOf(new Date(), t.fixture.workspace.time_zone);
    expect(await importSample('orders')).toMatchObject({ inserted: 0, updated: 0 });
    await t.warmer!.settled();
    expect((await tiersAsOf(today)).cached).toBe(true);
  });

  it('when the warmer is stopped, then what was scheduled does not run', async () => {
    const today = localDateOf(new Date(), t.fixture.workspace.time_zone);
    await t.warmer!.stop();
    expect(await importSample('orders')).toMatchObject({ status: 'succeeded' });
    await t.warmer!.settled();
    expect((await tiersAsOf(today)).cached).toBe(false);
  });
});
