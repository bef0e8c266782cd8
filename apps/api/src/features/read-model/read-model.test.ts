import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
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
