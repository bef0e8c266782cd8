import {
  addDays,
  assignTiers,
  tierMovement,
  tierSummary,
  type TierSettings,
} from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../read-model/read-model.refresh.js';
import {
  datasetArb,
  dayOf,
  loadDataset,
  loadDatasetInto,
  SPAN_DAYS,
  type Dataset,
} from '../read-model/test-data.js';
import { RECENCY_ONLY_NOTE, tiersFromReadModel } from './tiers.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

function expected(data: Dataset, asOf: string, settings: TierSettings) {
  const input = { customers: data.customers, orders: data.orders, settings };
  const current = assignTiers({ ...input, asOf });
  const previous = assignTiers({ ...input, asOf: addDays(asOf, -7) });
  const window = { from: addDays(asOf, -settings.lookbackDays), to: asOf };
  return {
    summary: tierSummary({ tiers: current, orders: data.orders, window }),
    movement: tierMovement(previous, current),
    window,
  };
}

const settingsArb = fc.record({
  topMonetaryShare: fc.constantFrom(0.2, 0.3, 0.5),
  minOrdersHighValue: fc.integer({ min: 1, max: 3 }),
  recentDays: fc.integer({ min: 1, max: 40 }),
  topPredictedShare: fc.constant(0.4),
  lookbackDays: fc.integer({ min: 1, max: 365 }),
});

describe('tiers from the read model', () => {
  it('when data, asOf and tier settings are random, then it equals assignTiers, tierSummary and tierMovement', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.integer({ min: 0, max: SPAN_DAYS + 10 }),
        settingsArb,
        async (data, day, settings) => {
          const workspaceId = await loadDataset(t.database, data, { tiers: settings });
          await rebuildReadModel(t.database, workspaceId);
          const asOf = dayOf(day);
          const actual = await tiersFromReadModel(
            t.database.db,
            { id: workspaceId, settings: { tiers: settings } },
            asOf,
          );
          const want = expected(data, asOf, settings);
          expect(actual.settings).toEqual(settings);
          expect(actual.window).toEqual(want.window);
          expect(actual.summary).toEqual(want.summary);
          expect(actual.movement).toEqual(want.movement);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('when the workspace has no tier settings, then the package defaults apply', async () => {
    const data = fc.sample(datasetArb, { numRuns: 1, seed: 7 })[0]!;
    const workspaceId = await loadDataset(t.database, data);
    await rebuildReadModel(t.database, workspaceId);
    const actual = await tiersFromReadModel(
      t.database.db,
      { id: workspaceId, settings: {} },
      '2024-03-01',
    );
    const defaults = {
      topMonetaryShare: 0.2,
      minOrdersHighValue: 2,
      recentDays: 90,
      topPredictedShare: 0.4,
      lookbackDays: 365,
    };
    expect(actual.settings).toEqual(defaults);
    const want = expected(data, '2024-03-01', defaults);
    expect(actual.summary).toEqual(want.summary);
    expect(actual.movement).toEqual(want.movement);
  });
});

describe('GET /workspaces/:ws/tiers', () => {
  it('when a viewer asks, then it answers tiers in yuan with the movement and the recency-only note', async () => {
    const data: Dataset = fc.sample(datasetArb, { numRuns: 1, seed: 11 })[0]!;
    const workspaceId = t.fixture.workspace.id;
    await loadDatasetInto(t.database, workspaceId, data);
    await rebuildReadModel(t.database, workspaceId);
    const res = await t.call(
      'get',
      `/workspaces/${t.fixture.workspace.slug}/tiers?asOf=2024-03-01`,
      {
        as: 'viewer',
      },
    );
    expect(res.status).toBe(200);
    const body = res.body as {
      previousAsOf: string;
      tiers: { tier: string; customers: number; gmv: { value: number } }[];
      notes: string[];
    };
    expect(body.previousAsOf).toBe('2024-02-23');
    expect(body.tiers.map((r) => r.tier)).toEqual(['high_value', 'potential', 'ordinary']);
    expect(body.notes).toContain(RECENCY_ONLY_NOTE);
    const want = expected(data, '2024-03-01', {
      topMonetaryShare: 0.2,
      minOrdersHighValue: 2,
      recentDays: 90,
      topPredictedShare: 0.4,
      lookbackDays: 365,
    });
    expect(body.tiers.map((r) => r.customers)).toEqual(want.summary.map((r) => r.customers));
    expect(body.tiers.map((r) => r.gmv.value)).toEqual(
      want.summary.map((r) => r.gmv.numerator / 100),
    );
  });

  it('when asOf is not a date, then 400', async () => {
    const res = await t.call(
      'get',
      `/workspaces/${t.fixture.workspace.slug}/tiers?asOf=2024-02-30`,
      {
        as: 'viewer',
      },
    );
    expect(res.status).toBe(400);
  });
});
