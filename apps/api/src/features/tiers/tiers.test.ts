import {
  addDays,
  assignTiers,
  localDateOf,
  tierMovement,
  tierSummary,
  type TierSettings,
} from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import {
  datasetArb,
  dayOf,
  loadDataset,
  loadDatasetInto,
  SPAN_DAYS,
  TEST_TIME_ZONE,
  type Dataset,
} from '../../read-model/test-data.js';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import { predictedLtvModel } from '../../read-model/read-model.predicted-ltv.js';
import {
  PREDICTION_HORIZON_MONTHS,
  RECENCY_ONLY_NOTE,
  tiersFromReadModel,
} from './tiers.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Per-customer predicted LTV at a date as the service fits it; undefined when no model fits. */
async function predictionsAt(
  handle: DatabaseHandle,
  workspace: { id: number; settings: Record<string, unknown> },
  asOf: string,
): Promise<Map<string, number> | undefined> {
  const model = await predictedLtvModel(handle.db, workspace, {
    asOf,
    horizonMonths: PREDICTION_HORIZON_MONTHS,
  });
  if (model.fit === null) return undefined;
  const { customerId, clv, size } = model.scores;
  return new Map(Array.from({ length: size }, (_, i) => [String(customerId[i]), clv[i]!]));
}

interface Predicted {
  current?: Map<string, number> | undefined;
  previous?: Map<string, number> | undefined;
}

async function predictedFor(
  handle: DatabaseHandle,
  workspace: { id: number; settings: Record<string, unknown> },
  asOf: string,
): Promise<Predicted> {
  return {
    current: await predictionsAt(handle, workspace, asOf),
    previous: await predictionsAt(handle, workspace, addDays(asOf, -7)),
  };
}

/** The oracle: the order-based reference functions, given the same predicted LTV. */
function expected(data: Dataset, asOf: string, settings: TierSettings, predicted: Predicted = {}) {
  const input = { customers: data.customers, orders: data.orders, settings };
  const current = assignTiers({ ...input, asOf, predictedLtv: predicted.current });
  const previous = assignTiers({
    ...input,
    asOf: addDays(asOf, -7),
    predictedLtv: predicted.previous,
  });
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
  it('when data, asOf and tier settings are random, then it equals assignTiers, tierSummary and tierMovement given the same predicted LTV', async () => {
    let withPrediction = 0;
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.integer({ min: 0, max: SPAN_DAYS + 10 }),
        settingsArb,
        async (data, day, settings) => {
          const workspaceId = await loadDataset(t.database, data, { tiers: settings });
          await rebuildReadModel(t.database, workspaceId);
          const asOf = dayOf(day);
          const workspace = { id: workspaceId, settings: { tiers: settings } };
          const actual = await tiersFromReadModel(t.database.db, workspace, asOf);
          const predicted = await predictedFor(t.database, workspace, asOf);
          if (predicted.current || predicted.previous) withPrediction += 1;
          expect(actual.predictedLtv.current.reason === null).toBe(predicted.current !== undefined);
          expect(actual.predictedLtv.previous.reason === null).toBe(
            predicted.previous !== undefined,
          );
          const want = expected(data, asOf, settings, predicted);
          expect(actual.settings).toEqual(settings);
          expect(actual.window).toEqual(want.window);
          expect(actual.summary).toEqual(want.summary);
          expect(actual.movement).toEqual(want.movement);
        },
      ),
      { numRuns: 40 },
    );
    // The predicted path is exercised, not only the recency fallback.
    expect(withPrediction).toBeGreaterThan(0);
  });

  it('when the workspace has no tier settings, then the package defaults apply', async () => {
    const data = fc.sample(datasetArb, { numRuns: 1, seed: 7 })[0]!;
    const workspaceId = await loadDataset(t.database, data);
    await rebuildReadModel(t.database, workspaceId);
    const workspace = { id: workspaceId, settings: {} };
    const actual = await tiersFromReadModel(t.database.db, workspace, '2024-03-01');
    const defaults = {
      topMonetaryShare: 0.2,
      minOrdersHighValue: 2,
      recentDays: 90,
      topPredictedShare: 0.4,
      lookbackDays: 365,
    };
    expect(actual.settings).toEqual(defaults);
    const predicted = await predictedFor(t.database, workspace, '2024-03-01');
    const want = expected(data, '2024-03-01', defaults, predicted);
    expect(actual.summary).toEqual(want.summary);
    expect(actual.movement).toEqual(want.movement);
  });
});

/**
 * Thirty customers buying 1–4 times in January–March 2024 (a history BG/NBD and Gamma-Gamma can
 * be fitted on), and three more who bought once; ids and amounts spread deterministically.
 */
function repeatBuyers(): Dataset {
  const days = ['2024-01-03', '2024-01-10', '2024-02-01', '2024-02-15', '2024-03-02'];
  const orders = [];
  let n = 0;
  for (let c = 1; c <= 33; c++) {
    const count = c > 30 ? 1 : 1 + (c % 4);
    for (let k = 0; k < count; k++) {
      n += 1;
      const orderedAt = new Date(`${days[(c + k * 2) % days.length]}T03:00:00Z`);
      orders.push({
        id: `P${n}`,
        customerId: String(c),
        channel: 'tmall',
        domain: 'public' as const,
        orderedAt,
        localDate: localDateOf(orderedAt, TEST_TIME_ZONE),
        amountFen: 1000 + ((c * 7919 + k * 104729) % 20000),
        grossProfitFen: 300,
        commissionFen: null,
        status: 'completed' as const,
        returned: false,
        refundFen: 0,
      });
    }
  }
  const customers = Array.from({ length: 35 }, (_, i) => ({
    id: String(i + 1),
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: null,
    leftPrivateAt: null,
  }));
  return { customers, orders };
}

describe('tiers with predicted LTV', () => {
  it('when a model is fitted and nobody ordered recently, then the potential tier is the top predicted LTV, as the oracle gives it', async () => {
    const data = repeatBuyers();
    const settings = { recentDays: 7, lookbackDays: 365 };
    const workspace = {
      id: await loadDataset(t.database, data, { tiers: settings }),
      settings: { tiers: settings },
    };
    await rebuildReadModel(t.database, workspace.id);
    const asOf = '2024-03-20';
    const actual = await tiersFromReadModel(t.database.db, workspace, asOf);
    const predicted = await predictedFor(t.database, workspace, asOf);
    expect(actual.predictedLtv.current.reason).toBeNull();
    expect(predicted.current?.size).toBe(33);
    expect(actual.predictedLtv.current).toEqual({ customers: 33, reason: null });
    expect(actual.notes).not.toContain(RECENCY_ONLY_NOTE);
    const full = { ...actual.settings };
    const want = expected(data, asOf, full, predicted);
    expect(actual.summary).toEqual(want.summary);
    expect(actual.movement).toEqual(want.movement);
    // Nobody bought in the last 7 days: every potential customer is there by prediction, and
    // without predictions there would be none.
    const potential = actual.summary.find((r) => r.tier === 'potential')!.customers;
    expect(potential).toBeGreaterThan(0);
    const recencyOnly = expected(data, asOf, full);
    expect(recencyOnly.summary.find((r) => r.tier === 'potential')!.customers).toBe(0);
  });

  it('when nobody bought twice, then no model fits and the tiers use recency only, with the note and the reason', async () => {
    const data = repeatBuyers();
    const once: Dataset = {
      customers: data.customers,
      orders: data.orders.filter(
        (o, i, all) => all.findIndex((p) => p.customerId === o.customerId) === i,
      ),
    };
    const workspace = { id: await loadDataset(t.database, once), settings: {} };
    await rebuildReadModel(t.database, workspace.id);
    const actual = await tiersFromReadModel(t.database.db, workspace, '2024-05-01');
    expect(actual.notes).toContain(RECENCY_ONLY_NOTE);
    expect(actual.predictedLtv.current.reason).toMatch(/repeat/);
    expect(actual.predictedLtv.current.customers).toBe(0);
    const want = expected(once, '2024-05-01', actual.settings);
    expect(actual.summary).toEqual(want.summary);
    expect(actual.movement).toEqual(want.movement);
  });
});

describe('GET /workspaces/:ws/tiers', () => {
  it('when a viewer asks, then it answers the oracle tiers in yuan with the movement, and a repeat comes from the cache until the read model changes', async () => {
    const data = repeatBuyers();
    const workspaceId = t.fixture.workspace.id;
    await loadDatasetInto(t.database, workspaceId, data);
    await rebuildReadModel(t.database, workspaceId);
    const path = `/workspaces/${t.fixture.workspace.slug}/tiers?asOf=2024-03-01`;
    const res = await t.call('get', path, { as: 'viewer' });
    expect(res.status).toBe(200);
    const body = res.body as {
      previousAsOf: string;
      tiers: { tier: string; customers: number; gmv: { value: number } }[];
      predictedLtv: { horizonMonths: number; current: { reason: string | null } };
      cached: boolean;
      notes: string[];
    };
    expect(body.previousAsOf).toBe('2024-02-23');
    expect(body.tiers.map((r) => r.tier)).toEqual(['high_value', 'potential', 'ordinary']);
    expect(body.cached).toBe(false);
    expect(body.predictedLtv.horizonMonths).toBe(12);
    expect(body.predictedLtv.current.reason).toBeNull();
    const workspace = { id: workspaceId, settings: {} };
    const want = expected(
      data,
      '2024-03-01',
      {
        topMonetaryShare: 0.2,
        minOrdersHighValue: 2,
        recentDays: 90,
        topPredictedShare: 0.4,
        lookbackDays: 365,
      },
      await predictedFor(t.database, workspace, '2024-03-01'),
    );
    expect(body.tiers.map((r) => r.customers)).toEqual(want.summary.map((r) => r.customers));
    expect(body.tiers.map((r) => r.gmv.value)).toEqual(
      want.summary.map((r) => r.gmv.numerator / 100),
    );
    const again = await t.call('get', path, { as: 'viewer' });
    expect((again.body as { cached: boolean }).cached).toBe(true);
    expect({ ...(again.body as object), cached: false }).toEqual(body);
    await sql`update rm_state set updated_at = updated_at + interval '1 second'
      where workspace_id = ${workspaceId}`.execute(t.database.db);
    const after = await t.call('get', path, { as: 'viewer' });
    expect((after.body as { cached: boolean }).cached).toBe(false);
    // Other tier settings are another answer, not the cached one.
    await t.database.db
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({ tiers: { topMonetaryShare: 0.5 } }) })
      .where('id', '=', workspaceId)
      .execute();
    const changed = await t.call('get', path, { as: 'viewer' });
    const changedBody = changed.body as { cached: boolean; settings: { topMonetaryShare: number } };
    expect(changedBody.cached).toBe(false);
    expect(changedBody.settings.topMonetaryShare).toBe(0.5);
    await t.database.db
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({}) })
      .where('id', '=', workspaceId)
      .execute();
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
