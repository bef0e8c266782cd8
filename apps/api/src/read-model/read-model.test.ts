import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import * as lastDayMigration from '../db/migrations/0011_read_model_last_day.js';
import * as conversionOrdersMigration from '../db/migrations/0022_read_model_conversion_orders.js';
import * as conversionsInSpanMigration from '../db/migrations/0026_read_model_conversions_in_span.js';
import { applyNewOrders, applyOrderChanges, rebuildReadModel } from './read-model.refresh.js';
import { datasetArb, insertOrders, loadDataset, readModelSnapshot } from './test-data.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('incremental update of the read model', () => {
  it('when late orders, cancellations and membership changes are applied, then the rows equal a full rebuild, and applying twice changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (data, split, touched) => {
          const early = data.orders.slice(0, split);
          const late = data.orders.slice(split);
          const workspaceId = await loadDataset(db, { customers: data.customers, orders: early });
          await rebuildReadModel(db, workspaceId);

          // Late-arriving orders (any dates), one cancellation and membership changes.
          await insertOrders(db, workspaceId, late);
          const changed = new Set(late.map((o) => Number(o.customerId)));
          const first = early[0];
          if (first) {
            await sql`update orders set status = 'cancelled'
              where workspace_id = ${workspaceId} and external_id = ${first.id}`.execute(db.db);
            changed.add(Number(first.customerId));
          }
          for (const n of touched) {
            const customer = data.customers[n % data.customers.length]!;
            await sql`update customers set left_private_at = null,
                joined_private_at = timestamptz '2024-02-10 00:00:00+08'
              where workspace_id = ${workspaceId} and id = ${Number(customer.id)}`.execute(db.db);
            changed.add(Number(customer.id));
          }

          await db.transaction((tx) => applyOrderChanges(tx, workspaceId, [...changed]));
          const incremental = await readModelSnapshot(db, workspaceId);
          await db.transaction((tx) => applyOrderChanges(tx, workspaceId, [...changed]));
          expect(await readModelSnapshot(db, workspaceId)).toEqual(incremental);
          await rebuildReadModel(db, workspaceId);
          expect(await readModelSnapshot(db, workspaceId)).toEqual(incremental);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('when orders are only appended, then applyNewOrders absorbs exactly them', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, fc.integer({ min: 0, max: 40 }), async (data, split) => {
        const workspaceId = await loadDataset(db, {
          customers: data.customers,
          orders: data.orders.slice(0, split),
        });
        await rebuildReadModel(db, workspaceId);
        await insertOrders(db, workspaceId, data.orders.slice(split));
        await db.transaction((tx) => applyNewOrders(tx, workspaceId));
        const incremental = await readModelSnapshot(db, workspaceId);
        await rebuildReadModel(db, workspaceId);
        expect(await readModelSnapshot(db, workspaceId)).toEqual(incremental);
      }),
      { numRuns: 10 },
    );
  });

  it('when new orders are passed by id, then the rows equal a rebuild whichever path each customer takes, and applying twice changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(null, '2024-02-01', '2024-03-01', '2024-04-01'),
        fc.array(fc.nat(), { maxLength: 2 }),
        async (data, split, month, touched) => {
          // Split at a month start, the later orders mostly continue each customer's history
          // (the appended path); split anywhere, many land inside it (the whole-history path).
          const isLate = (o: (typeof data.orders)[number], i: number) =>
            month === null ? i >= split : o.localDate >= month;
          const workspaceId = await loadDataset(db, {
            customers: data.customers,
            orders: data.orders.filter((o, i) => !isLate(o, i)),
          });
          await rebuildReadModel(db, workspaceId);
          const newIds = await insertOrders(db, workspaceId, data.orders.filter(isLate));
          // Membership changes go the whole-history way even when the customer has new orders.
          const changed = touched.map((n) => Number(data.customers[n % data.customers.length]!.id));
          for (const id of changed) {
            await sql`update customers set left_private_at = null,
                joined_private_at = timestamptz '2024-02-10 00:00:00+08'
              where workspace_id = ${workspaceId} and id = ${id}`.execute(db.db);
          }

          await db.transaction((tx) => applyOrderChanges(tx, workspaceId, changed, newIds));
          const incremental = await readModelSnapshot(db, workspaceId);
          await db.transaction((tx) => applyOrderChanges(tx, workspaceId, changed, newIds));
          expect(await readModelSnapshot(db, workspaceId)).toEqual(incremental);
          await rebuildReadModel(db, workspaceId);
          expect(await readModelSnapshot(db, workspaceId)).toEqual(incremental);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('when a customer orders again in a later week and month, then only the new orders are read, and the rows equal a rebuild', async () => {
    const member = {
      id: '1',
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: new Date('2024-01-20T00:00:00+08:00'),
      leftPrivateAt: null,
    };
    const order = (
      id: string,
      customerId: string,
      at: string,
      status: 'completed' | 'cancelled',
    ) => {
      const orderedAt = new Date(`${at}+08:00`);
      return {
        id,
        customerId,
        channel: 'wecom',
        domain: 'private' as const,
        orderedAt,
        localDate: at.slice(0, 10),
        amountFen: 10_000,
        grossProfitFen: null,
        commissionFen: null,
        status,
        returned: false,
        refundFen: 0,
      };
    };
    const workspaceId = await loadDataset(db, {
      customers: [
        member,
        { ...member, id: '2' },
        { ...member, id: '3' },
        { ...member, id: '4' },
        { ...member, id: '5' },
        { ...member, id: '6' },
        { ...member, id: '7', joinedPrivateAt: new Date('2024-02-20T00:00:00+08:00') },
      ],
      orders: [
        order('A1', '1', '2024-01-05T10:00:00', 'completed'),
        order('A2', '1', '2024-01-15T10:00:00', 'completed'),
        order('A3', '1', '2024-01-16T10:00:00', 'completed'),
        order('B1', '2', '2024-02-28T10:00:00', 'completed'),
        order('D1', '4', '2024-01-05T10:00:00', 'completed'),
        order('E1', '5', '2024-01-02T10:00:00', 'completed'),
        order('F1', '6', '2024-01-02T10:00:00', 'completed'),
        order('G1', '7', '2024-01-05T10:00:00', 'completed'),
      ],
    });
    await rebuildReadModel(db, workspaceId);
    const newIds = await insertOrders(db, workspaceId, [
      // Customer 1: later week and month, two days: appended, with both previous-day seeds.
      order('A4', '1', '2024-03-04T10:00:00', 'completed'),
      order('A5', '1', '2024-03-04T11:00:00', 'completed'),
      order('A6', '1', '2024-03-06T10:00:00', 'completed'),
      // Customer 2: same week as the last order (26 Feb – 3 Mar): whole history.
      order('B2', '2', '2024-03-02T10:00:00', 'completed'),
      // Customer 3: first order ever: whole history.
      order('C1', '3', '2024-03-04T10:00:00', 'completed'),
      // Customer 4: a cancelled order among the new ones: whole history.
      order('D2', '4', '2024-03-04T10:00:00', 'cancelled'),
      order('D3', '4', '2024-03-05T10:00:00', 'completed'),
      // Customers 5–7, appended: a second order within 90 days of the first (5, 7) or after
      // them (6); the first order after joining 44 days (5, 6) or 13 days (7) after joining.
      order('E2', '5', '2024-03-04T10:00:00', 'completed'),
      order('F2', '6', '2024-04-08T10:00:00', 'completed'),
      order('G2', '7', '2024-03-04T10:00:00', 'completed'),
    ]);
    const result = await db.transaction((tx) => applyOrderChanges(tx, workspaceId, [], newIds));
    expect(result).toMatchObject({ customers: 7, appended: 4 });
    const conversions = await sql<{
      id: number;
      repurchased: string | null;
      converted: string | null;
    }>`
      select customer_id::int as id,
        to_char(repurchased_at at time zone 'Asia/Shanghai', 'MM-DD') as repurchased,
        to_char(converted_at at time zone 'Asia/Shanghai', 'MM-DD') as converted
      from rm_customer where workspace_id = ${workspaceId} and customer_id >= 5
      order by customer_id`.execute(db.db);
    expect(conversions.rows).toEqual([
      { id: 5, repurchased: '03-04', converted: null },
      { id: 6, repurchased: null, converted: null },
      { id: 7, repurchased: '03-04', converted: '03-04' },
    ]);
    const days = await sql<{
      local_date: string;
      prev: string;
      prev2: string;
      prev_orders: number;
    }>`
      select local_date::text, prev_local_date::text as prev, prev2_local_date::text as prev2,
        prev_orders
      from rm_customer_day where workspace_id = ${workspaceId} and customer_id = 1
        and local_date >= date '2024-03-01' order by local_date`.execute(db.db);
    expect(days.rows).toEqual([
      { local_date: '2024-03-04', prev: '2024-01-16', prev2: '2024-01-15', prev_orders: 1 },
      { local_date: '2024-03-06', prev: '2024-03-04', prev2: '2024-01-16', prev_orders: 2 },
    ]);
    const incremental = await readModelSnapshot(db, workspaceId);
    await rebuildReadModel(db, workspaceId);
    expect(await readModelSnapshot(db, workspaceId)).toEqual(incremental);
  });

  it('when migration 0011 fills the last-day columns of existing rows, then they equal what a rebuild writes', async () => {
    const data = fc.sample(datasetArb, { numRuns: 1, seed: 11 })[0]!;
    const workspaceId = await loadDataset(db, data);
    await rebuildReadModel(db, workspaceId);
    const rebuilt = await readModelSnapshot(db, workspaceId);
    expect(data.orders.length).toBeGreaterThan(0);
    await lastDayMigration.down(db.db);
    await lastDayMigration.up(db.db);
    expect(await readModelSnapshot(db, workspaceId)).toEqual(rebuilt);
  });

  it('when migrations 0022 and 0026 fill the conversion instants of existing rows, then they equal what a rebuild writes', async () => {
    const workspaces: number[] = [];
    for (const data of fc.sample(datasetArb, { numRuns: 4, seed: 22 })) {
      const workspaceId = await loadDataset(db, data);
      await rebuildReadModel(db, workspaceId);
      workspaces.push(workspaceId);
    }
    const rebuilt = await Promise.all(workspaces.map((ws) => readModelSnapshot(db, ws)));
    const filled = (column: string) =>
      rebuilt.some((s) => (s.rm_customer ?? []).some((r) => !r.includes(`"${column}":null`)));
    expect(filled('repurchased_at')).toBe(true);
    expect(filled('converted_at')).toBe(true);
    await conversionsInSpanMigration.down(db.db);
    await conversionOrdersMigration.down(db.db);
    await conversionOrdersMigration.up(db.db);
    await conversionsInSpanMigration.up(db.db);
    for (const [i, ws] of workspaces.entries()) {
      expect(await readModelSnapshot(db, ws)).toEqual(rebuilt[i]);
    }
  });

  it('when the model was never built, then an update builds it whole', async () => {
    const workspaceId = await loadDataset(db, {
      customers: [
        {
          id: '1',
          acquiredAt: null,
          acquisitionChannel: null,
          joinedPrivateAt: null,
          leftPrivateAt: null,
        },
      ],
      orders: [],
    });
    const result = await db.transaction((tx) => applyOrderChanges(tx, workspaceId, []));
    expect(result.customers).toBe(1);
    const state = await sql<{ n: number }>`
      select count(*)::int as n from rm_state where workspace_id = ${workspaceId}`.execute(db.db);
    expect(state.rows[0]?.n).toBe(1);
  });
});
