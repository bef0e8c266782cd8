import { customerValueMetrics, localDateOf } from '@yugang/metrics';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { applyOrderChanges, rebuildReadModel } from '../../read-model/read-model.refresh.js';
import {
  datasetArb,
  dayOf,
  insertOrders,
  loadDataset,
  TEST_TIME_ZONE,
  windowArb,
} from '../../read-model/test-data.js';
import { windowTotals } from '../../read-model/read-model.windows.js';
import {
  TOTALS_FACT_COLUMNS,
  totalsOf,
  type TotalsRow,
} from '../../read-model/read-model.totals.js';
import { customerValueFromReadModel, sourceFor } from './summary.service.js';

/**
 * The one-pass scan of a window's customer-days that the window spans replaced: the reference
 * the spans must equal, row filter for row filter.
 */
async function scanTotals(workspaceId: number, window: { from: string; to: string }) {
  const from = sql`${window.from}::date`;
  const to = sql`${window.to}::date`;
  const first = sql`(prev_local_date is null or prev_local_date < ${from})`;
  const second = sql`(prev_local_date >= ${from}
    and (prev2_local_date is null or prev2_local_date < ${from}) and prev_orders = 1)`;
  const result = await sql<TotalsRow & { segment: string }>`
    select case when join_cut <= ${to} and leave_cut > ${to} then 'private' else 'public' end
        as segment,
      count(*) filter (where ${first}) as buyers,
      count(*) filter (where ${first} and orders >= 2 or ${second}) as repeat_buyers,
      ${sql.join(TOTALS_FACT_COLUMNS.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`))}
    from rm_customer_day
    where workspace_id = ${workspaceId} and local_date >= ${from} and local_date < ${to}
    group by 1`.execute(db.db);
  const of = (segment: string) => totalsOf(result.rows.find((r) => r.segment === segment));
  return { public: of('public'), private: of('private') };
}

const SETTINGS = { defaultMargin: 0.37, commissionRate: 0.05 };

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('summary from the read model', () => {
  it('when windows are random, then every section-1 metric equals customerValueMetrics', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.array(windowArb, { minLength: 1, maxLength: 3 }),
        async (data, windows) => {
          const workspaceId = await loadDataset(db, data, SETTINGS);
          await rebuildReadModel(db, workspaceId);
          const workspace = { id: workspaceId, time_zone: TEST_TIME_ZONE, settings: SETTINGS };
          // Aligned windows take the stored-period paths; the others the bounded scans.
          const aligned = [
            { from: dayOf(7), to: dayOf(14) }, // a Monday week
            { from: '2024-02-01', to: '2024-03-01' },
            { from: '2024-01-01', to: '2024-04-01' },
          ];
          for (const window of [...windows, ...aligned]) {
            const { metrics } = await customerValueFromReadModel(db.db, workspace, window);
            const expected = customerValueMetrics({
              customers: data.customers,
              orders: data.orders,
              window,
              timeZone: TEST_TIME_ZONE,
              settings: SETTINGS,
            });
            expect(metrics, JSON.stringify(window)).toEqual(expected);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('when windows are random, memberships may start and end on one day and late orders arrive or move across months, then the window spans equal the scan of the customer-days', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.array(windowArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ order: fc.nat(), days: fc.integer({ min: -70, max: 70 }) }), {
          maxLength: 4,
        }),
        async (data, split, sameDay, windows, moves) => {
          const workspaceId = await loadDataset(
            db,
            { customers: data.customers, orders: data.orders.slice(0, split) },
            SETTINGS,
          );
          // Joined and left on the same day: equal cuts, never private at a window's end.
          for (const n of sameDay) {
            await sql`update customers set joined_private_at = timestamptz '2024-02-10 10:00:00+08',
                left_private_at = timestamptz '2024-02-10 18:00:00+08'
              where workspace_id = ${workspaceId} and id = ${(n % data.customers.length) + 1}`.execute(
              db.db,
            );
          }
          await rebuildReadModel(db, workspaceId);
          await insertOrders(db, workspaceId, data.orders.slice(split));
          const changed = data.orders.slice(split).map((o) => Number(o.customerId));
          await db.transaction((tx) => applyOrderChanges(tx, workspaceId, changed));
          const spansEqualScan = async () => {
            for (const window of [...windows, { from: dayOf(-3), to: dayOf(120) }]) {
              expect(
                await windowTotals(db.db, workspaceId, window),
                JSON.stringify(window),
              ).toEqual(await scanTotals(workspaceId, window));
            }
          };
          await spansEqualScan();
          // Orders moved by up to 70 days, earlier or later: each delta's changed spans end in
          // other months than the ones it leaves (the block sums of the late-day path).
          if (data.orders.length === 0 || moves.length === 0) return;
          const moved = [
            ...new Map(moves.map((m) => [m.order % data.orders.length, m.days])).entries(),
          ].map(([i, days]) => {
            const o = data.orders[i]!;
            const orderedAt = new Date(o.orderedAt.getTime() + days * 86_400_000);
            return { ...o, orderedAt, localDate: localDateOf(orderedAt, TEST_TIME_ZONE) };
          });
          for (const o of moved) {
            await sql`update orders set ordered_at = ${o.orderedAt}, local_date = ${o.localDate}::date
              where workspace_id = ${workspaceId} and external_id = ${o.id}`.execute(db.db);
          }
          await db.transaction((tx) =>
            applyOrderChanges(
              tx,
              workspaceId,
              moved.map((o) => Number(o.customerId)),
            ),
          );
          await spansEqualScan();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('when orders arrive between two identical custom-window requests, then the second sees them (the scan cache is per read-model version)', async () => {
    const data = fc.sample(datasetArb, { numRuns: 1, seed: 7 })[0]!;
    const workspaceId = await loadDataset(db, data, SETTINGS);
    await rebuildReadModel(db, workspaceId);
    const workspace = { id: workspaceId, time_zone: TEST_TIME_ZONE, settings: SETTINGS };
    const window = { from: dayOf(3), to: dayOf(40) };
    expect(sourceFor(window)).toBe('customer_day');
    const before = await customerValueFromReadModel(db.db, workspace, window);
    const customer = await db.db
      .insertInto('customers')
      // The data set's customers carry explicit ids; this one takes an id far above them.
      .values({ workspace_id: workspaceId, id: 900_000, external_id: 'late-comer' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertOrders(db, workspaceId, [
      {
        ...data.orders[0]!,
        id: 'late-1',
        customerId: String(customer.id),
        orderedAt: new Date('2024-01-10T04:00:00Z'),
        localDate: '2024-01-10',
        status: 'completed',
        amountFen: 12_345,
      },
    ]);
    await db.transaction((tx) => applyOrderChanges(tx, workspaceId, [Number(customer.id)]));
    const after = await customerValueFromReadModel(db.db, workspace, window);
    expect(after.metrics.buyers.all.value).toBe((before.metrics.buyers.all.value ?? 0) + 1);
    expect(after.metrics.gmv.all.numerator).toBe((before.metrics.gmv.all.numerator ?? 0) + 12_345);
  });

  it('when a window is one week or one month, then its stored period is read; any other window scans customer-days', () => {
    expect(sourceFor({ from: '2024-01-08', to: '2024-01-15' })).toBe('week');
    expect(sourceFor({ from: '2024-02-01', to: '2024-03-01' })).toBe('month');
    expect(sourceFor({ from: '2024-01-01', to: '2024-04-01' })).toBe('customer_day');
    expect(sourceFor({ from: '2024-01-02', to: '2024-01-09' })).toBe('customer_day');
  });
});
