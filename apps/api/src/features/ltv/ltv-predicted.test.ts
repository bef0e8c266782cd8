import { addDays, daysBetween, fenToYuan, fitBgNbd, localDateOf } from '@yugang/metrics';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import * as settingsCamelCase from '../../db/migrations/0012_settings_camel_case.js';
import { loadDemo } from '../../demo/load-demo.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import {
  loadDataset,
  loadDatasetInto,
  TEST_TIME_ZONE,
  type Dataset,
} from '../../read-model/test-data.js';
import {
  customerHistories,
  customerHistoriesAtTwoDates,
} from '../../read-model/read-model.histories.js';
import {
  cachedPredictedLtvModels,
  predictedLtvModel,
} from '../../read-model/read-model.predicted-ltv.js';
import {
  cachedPredictedLtv,
  predictedLtvFromReadModel,
  TOP_CUSTOMERS,
} from './ltv-predicted.service.js';

const AS_OF = '2026-09-01';

describe('predicted LTV on the demo data', () => {
  let db: TestDatabase;
  let workspace: { id: number; settings: Record<string, unknown> };
  beforeAll(async () => {
    db = await createTestDatabase();
    const loaded = await loadDemo(db, { customers: 1500, seed: 3 });
    const row = await db.db
      .selectFrom('workspaces')
      .select(['id', 'settings'])
      .where('id', '=', loaded.workspaceId)
      .executeTakeFirstOrThrow();
    workspace = { id: Number(row.id), settings: row.settings };
  }, 240_000);
  afterAll(async () => {
    await db?.dispose();
  });

  it('when the read model gives (frequency, recency, T), then they equal those of the raw orders before asOf', async () => {
    const { rows } = await sql<{
      customer_id: string | number;
      days: number;
      first_day: string;
      last_day: string;
      orders: number;
      gmv: string | number;
    }>`select customer_id, count(distinct local_date)::int as days,
        min(local_date)::text as first_day, max(local_date)::text as last_day,
        count(*)::int as orders, sum(amount_fen) as gmv
      from orders where workspace_id = ${workspace.id} and status <> 'cancelled'
        and local_date < ${AS_OF}::date
      group by customer_id`.execute(db.db);
    const histories = await customerHistories(db.db, workspace.id, AS_OF);
    const h = histories.columns;
    const index = new Map(Array.from(h.customer_id, (id, i) => [id, i]));
    expect(histories.rows).toBe(rows.length);
    for (let i = 1; i < histories.rows; i++) {
      expect(h.customer_id[i]).toBeGreaterThan(h.customer_id[i - 1]!);
    }
    for (const r of rows) {
      const i = index.get(Number(r.customer_id))!;
      expect(h.order_days[i]).toBe(r.days);
      expect(h.recency[i]).toBe(daysBetween(r.first_day, r.last_day));
      expect(h.t[i]).toBe(daysBetween(r.first_day, AS_OF));
      expect(h.orders[i]).toBe(r.orders);
      expect(h.gmv_fen[i]).toBe(Number(r.gmv));
    }
    const raw = rows.map((r) => ({
      frequency: r.days - 1,
      recency: daysBetween(r.first_day, r.last_day),
      T: daysBetween(r.first_day, AS_OF),
    }));
    const result = await predictedLtvFromReadModel(db.db, workspace, {
      asOf: AS_OF,
      horizonMonths: 12,
    });
    expect(result.reason).toBeNull();
    const fit = fitBgNbd(raw);
    expect(result.model!.bgNbd.r).toBeCloseTo(fit.r, 10);
    expect(result.model!.bgNbd.alpha).toBeCloseTo(fit.alpha, 8);
    expect(result.model!.bgNbd.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expect(result.customers).toBe(rows.length);
    expect(result.repeatBuyers).toBe(raw.filter((r) => r.frequency > 0).length);
    // A spend sanity check: the Gamma-Gamma scale is in yuan, not fen.
    const meanOrderYuan =
      fenToYuan(rows.reduce((s, r) => s + Number(r.gmv), 0)) /
      rows.reduce((s, r) => s + r.orders, 0);
    expect(result.model!.gammaGamma.customers).toBeGreaterThan(0);
    expect(meanOrderYuan).toBeGreaterThan(1);
  });

  it('when fitted, then totals, histogram, groups and the top 20 agree with each other', async () => {
    const result = await predictedLtvFromReadModel(db.db, workspace, {
      asOf: AS_OF,
      horizonMonths: 12,
    });
    const totals = result.totals!;
    expect(result.distribution.reduce((s, b) => s + b.customers, 0)).toBe(totals.customers);
    expect(result.distribution.reduce((s, b) => s + b.clv, 0)).toBeCloseTo(totals.clv, 4);
    expect(result.pAliveByGroup.public.customers + result.pAliveByGroup.private.customers).toBe(
      totals.customers,
    );
    for (const g of ['public', 'private', 'all'] as const) {
      const p = result.pAliveByGroup[g].meanPAlive;
      if (p !== null) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
    expect(result.top).toHaveLength(Math.min(TOP_CUSTOMERS, totals.customers));
    for (let i = 1; i < result.top.length; i++) {
      expect(result.top[i - 1]!.clv).toBeGreaterThanOrEqual(result.top[i]!.clv);
    }
    expect(result.top[0]!.externalId).not.toMatch(/^\d+$/);
    expect(totals.clv).toBeGreaterThan(0);
    const longer = await predictedLtvFromReadModel(db.db, workspace, {
      asOf: AS_OF,
      horizonMonths: 24,
    });
    expect(longer.totals!.clv).toBeGreaterThan(totals.clv);
  });

  it('when both tier dates are loaded in one scan, then each equals customerHistories at that date, row for row', async () => {
    for (const [asOf, previousAsOf] of [
      [AS_OF, addDays(AS_OF, -7)],
      ['2024-01-15', '2023-10-20'], // early: many customers have no order before the earlier date
    ] as const) {
      const both = await customerHistoriesAtTwoDates(db.db, workspace.id, asOf, previousAsOf);
      expect(both.current).toEqual(await customerHistories(db.db, workspace.id, asOf));
      expect(both.previous).toEqual(await customerHistories(db.db, workspace.id, previousAsOf));
      expect(both.previous.rows).toBeLessThan(both.current.rows);
    }
  });

  it('when the models of two dates are asked together, then each equals the model fitted alone, cached or not', async () => {
    const previousAsOf = addDays(AS_OF, -7);
    const options = { previousAsOf, horizonMonths: 12 };
    const alone = {
      current: await predictedLtvModel(db.db, workspace, { asOf: AS_OF, horizonMonths: 12 }),
      previous: await predictedLtvModel(db.db, workspace, {
        asOf: previousAsOf,
        horizonMonths: 12,
      }),
    };
    expect(alone.current.fit).not.toBeNull();
    readModelCache.clear();
    expect(await cachedPredictedLtvModels(db.db, workspace, { asOf: AS_OF, ...options })).toEqual(
      alone,
    );
    // The first date already cached: the second is loaded on its own.
    readModelCache.clear();
    await cachedPredictedLtv(db.db, workspace, { asOf: AS_OF, horizonMonths: 12 });
    expect(await cachedPredictedLtvModels(db.db, workspace, { asOf: AS_OF, ...options })).toEqual(
      alone,
    );
  });

  it('when asked twice, then the second answer comes from the cache until the read model changes', async () => {
    readModelCache.clear();
    const options = { asOf: AS_OF, horizonMonths: 12 };
    const first = await cachedPredictedLtv(db.db, workspace, options);
    expect(first.cached).toBe(false);
    const started = performance.now();
    const second = await cachedPredictedLtv(db.db, workspace, options);
    expect(performance.now() - started).toBeLessThan(200);
    expect(second.cached).toBe(true);
    expect(second.result).toEqual(first.result);
    await sql`update rm_state set updated_at = now() + interval '1 second'
      where workspace_id = ${workspace.id}`.execute(db.db);
    const third = await cachedPredictedLtv(db.db, workspace, options);
    expect(third.cached).toBe(false);
  });

  it('when the workspace stores a default margin (even snake_case, as older data may), then predicted LTV uses it, as the rollups do', async () => {
    const stored = async () => {
      const row = await db.db
        .selectFrom('workspaces')
        .select(['id', 'settings'])
        .where('id', '=', workspace.id)
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), settings: row.settings };
    };
    const options = { asOf: AS_OF, horizonMonths: 12 };
    const rollupMargin = async () => {
      await rebuildReadModel(db, workspace.id);
      const { rows } = await sql<{ m: number }>`
        select default_margin::float8 as m from rm_state
        where workspace_id = ${workspace.id}`.execute(db.db);
      return Number(rows[0]!.m);
    };
    try {
      for (const [spelling, margin] of [
        ['defaultMargin', 0.42],
        ['default_margin', 0.37],
      ] as const) {
        await sql`update workspaces set settings = ${JSON.stringify({
          ...workspace.settings,
          [spelling]: margin,
        })}::jsonb where id = ${workspace.id}`.execute(db.db);
        // What every start does: migrations, 0012 rewriting snake_case keys.
        await settingsCamelCase.up(db.db);
        const result = await predictedLtvFromReadModel(db.db, await stored(), options);
        expect(result.margin).toEqual({ value: margin, source: 'default_margin' });
        expect(await rollupMargin()).toBe(margin);
      }
    } finally {
      await sql`update workspaces set settings = ${JSON.stringify(workspace.settings)}::jsonb
        where id = ${workspace.id}`.execute(db.db);
      await rebuildReadModel(db, workspace.id);
    }
  }, 120_000);
});

describe('predicted LTV with too little data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  const order = (id: number, customer: number, day: string) => {
    const orderedAt = new Date(`${day}T04:00:00Z`);
    return {
      id: `O${id}`,
      customerId: String(customer),
      channel: 'tmall',
      domain: 'public' as const,
      orderedAt,
      localDate: localDateOf(orderedAt, TEST_TIME_ZONE),
      amountFen: 1000,
      grossProfitFen: null,
      commissionFen: null,
      status: 'completed' as const,
      returned: false,
      refundFen: 0,
    };
  };
  const customer = (id: number) => ({
    id: String(id),
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: null,
    leftPrivateAt: null,
  });

  it('when nobody bought twice, then model is null with a reason', async () => {
    const data: Dataset = {
      customers: [customer(1), customer(2)],
      orders: [order(1, 1, '2024-01-05'), order(2, 2, '2024-01-09')],
    };
    const id = await loadDataset(db, data);
    await rebuildReadModel(db, id);
    const result = await predictedLtvFromReadModel(
      db.db,
      { id, settings: {} },
      {
        asOf: '2024-03-01',
        horizonMonths: 12,
      },
    );
    expect(result.model).toBeNull();
    expect(result.reason).toMatch(/repeat/);
    expect(result.customers).toBe(2);
    expect(result.top).toEqual([]);
  });

  it('when the workspace has no orders or no read model, then model is null with a reason', async () => {
    const id = await loadDataset(db, { customers: [customer(1)], orders: [] });
    const result = await cachedPredictedLtv(
      db.db,
      { id, settings: {} },
      {
        asOf: '2024-03-01',
        horizonMonths: 12,
      },
    );
    expect(result.result.model).toBeNull();
    expect(result.result.reason).toMatch(/no customer/);
  });

  it('when repeat buyers only bought for free, then model is null, not an error', async () => {
    const free = (o: ReturnType<typeof order>) => ({ ...o, amountFen: 0 });
    const data: Dataset = {
      customers: [customer(1), customer(2)],
      orders: [
        free(order(1, 1, '2024-01-05')),
        free(order(2, 1, '2024-01-20')),
        order(3, 2, '2024-01-09'),
      ],
    };
    const id = await loadDataset(db, data);
    await rebuildReadModel(db, id);
    const result = await predictedLtvFromReadModel(
      db.db,
      { id, settings: {} },
      {
        asOf: '2024-03-01',
        horizonMonths: 12,
      },
    );
    expect(result.model).toBeNull();
    expect(result.reason).not.toBeNull();
  });
});

describe('GET /workspaces/:ws/ltv/predicted', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('when a viewer asks, then 200 with the fit or a reason, and a repeat is cached', async () => {
    const days = ['2024-01-03', '2024-01-10', '2024-02-01', '2024-02-15', '2024-03-02'];
    const orders = [];
    let n = 0;
    for (let c = 1; c <= 30; c++) {
      for (let k = 0; k < 1 + (c % 4); k++) {
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
          grossProfitFen: null,
          commissionFen: null,
          status: 'completed' as const,
          returned: false,
          refundFen: 0,
        });
      }
    }
    const customers = Array.from({ length: 30 }, (_, i) => ({
      id: String(i + 1),
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: i % 3 === 0 ? new Date('2024-01-01T00:00:00Z') : null,
      leftPrivateAt: null,
    }));
    await loadDatasetInto(t.database, t.fixture.workspace.id, { customers, orders });
    await rebuildReadModel(t.database, t.fixture.workspace.id);
    const path = `/workspaces/${t.fixture.workspace.slug}/ltv/predicted?asOf=2024-04-01`;
    const res = await t.call('get', path, { as: 'viewer' });
    expect(res.status).toBe(200);
    const body = res.body as {
      model: unknown;
      reason: string | null;
      cached: boolean;
      horizonMonths: number;
    };
    expect(body.horizonMonths).toBe(12);
    expect(body.model === null).toBe(body.reason !== null);
    expect(body.cached).toBe(false);
    const again = await t.call('get', path, { as: 'viewer' });
    expect((again.body as { cached: boolean }).cached).toBe(true);
  });

  it('when horizonMonths is out of range, then 400', async () => {
    const res = await t.call(
      'get',
      `/workspaces/${t.fixture.workspace.slug}/ltv/predicted?horizonMonths=0`,
      { as: 'viewer' },
    );
    expect(res.status).toBe(400);
  });
});
