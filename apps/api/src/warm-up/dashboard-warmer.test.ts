import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, localDateOf } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../test/fixtures/imports/samples');

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

const tiersAsOf = async (asOf?: string) =>
  (await t.call('GET', `/workspaces/acme/tiers${asOf ? `?asOf=${asOf}` : ''}`, { as: 'viewer' }))
    .body as { cached: boolean; asOf: string; freshness: { latestDataDay: string } };

describe('dashboard warm-up after imports', () => {
  it('when imports land, then the default answers are computed before anyone asks, and only those', async () => {
    for (const kind of ['channels', 'customers', 'orders']) {
      expect(await importSample(kind)).toMatchObject({ status: 'succeeded' });
    }
    await t.warmer!.settled();
    // The default is anchored on the latest data day (the samples end in the past), not today.
    const warmed = await tiersAsOf();
    expect(warmed.cached).toBe(true);
    expect(warmed.asOf).toBe(addDays(warmed.freshness.latestDataDay, 1));
    expect(warmed.asOf < localDateOf(new Date(), t.fixture.workspace.time_zone)).toBe(true);
    // Not a default: computed on request.
    expect((await tiersAsOf(addDays(warmed.asOf, -1))).cached).toBe(false);
  });

  it('when an import changes no row, then the new data version is warmed too', async () => {
    expect(await importSample('orders')).toMatchObject({ inserted: 0, updated: 0 });
    await t.warmer!.settled();
    expect((await tiersAsOf()).cached).toBe(true);
  });

  it('when the warmer is stopped, then what was scheduled does not run', async () => {
    await t.warmer!.stop();
    expect(await importSample('orders')).toMatchObject({ status: 'succeeded' });
    await t.warmer!.settled();
    expect((await tiersAsOf()).cached).toBe(false);
  });
});
