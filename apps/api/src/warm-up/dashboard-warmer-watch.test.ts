import { addDays, localDateOf } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { cachedPredictedLtv } from '../features/ltv/ltv-predicted.service.js';
import { cachedTiers } from '../features/tiers/tiers.service.js';
import { readModelCache } from '../read-model/read-model-cache.js';
import { applyNewOrders, rebuildReadModel } from '../read-model/read-model.refresh.js';
import {
  insertOrders,
  loadDataset,
  TEST_TIME_ZONE,
  type Dataset,
} from '../read-model/test-data.js';
import { DashboardWarmer } from './dashboard-warmer.js';

type Order = Dataset['orders'][number];

function order(n: number, customer: number, day: string, amountFen: number): Order {
  const orderedAt = new Date(`${day}T03:00:00Z`);
  return {
    id: `W${n}`,
    customerId: String(customer),
    channel: 'tmall',
    domain: 'public',
    orderedAt,
    localDate: localDateOf(orderedAt, TEST_TIME_ZONE),
    amountFen,
    grossProfitFen: null,
    commissionFen: null,
    status: 'completed',
    returned: false,
    refundFen: 0,
  };
}

const DAYS = ['2024-01-03', '2024-01-10', '2024-02-01', '2024-02-15', '2024-03-02'];

describe('dashboard warm-up at start-up and after changes made by any process', () => {
  let db: TestDatabase;
  let workspace: { id: number; settings: Record<string, unknown> };
  let warmer: DashboardWarmer;
  const logged: string[] = [];
  const tiersCached = async (asOf: string) => (await cachedTiers(db.db, workspace, asOf)).cached;

  beforeAll(async () => {
    db = await createTestDatabase();
    const orders: Order[] = [];
    for (let c = 1; c <= 40; c++) {
      for (let k = 0; k < 1 + (c % 4); k++) {
        orders.push(order(orders.length + 1, c, DAYS[(c + k * 2) % DAYS.length]!, 1000 + c * 37));
      }
    }
    const customers = Array.from({ length: 40 }, (_, i) => ({
      id: String(i + 1),
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: i % 3 === 0 ? new Date('2024-01-01T00:00:00Z') : null,
      leftPrivateAt: null,
    }));
    const id = await loadDataset(db, { customers, orders });
    await rebuildReadModel(db, id);
    workspace = { id, settings: {} };
    warmer = new DashboardWarmer(db, 0, (m) => logged.push(m));
  }, 120_000);
  afterAll(async () => {
    await warmer?.stop();
    await db?.dispose();
  });

  it('when the server starts, then the first poll warms the default tiers on the latest data day, not the clock', async () => {
    readModelCache.clear();
    expect(await warmer.poll()).toContain(workspace.id);
    await warmer.settled();
    expect(await tiersCached(addDays('2024-03-02', 1))).toBe(true);
    const ltv = await cachedPredictedLtv(db.db, workspace, {
      asOf: addDays('2024-03-02', 1),
      horizonMonths: 12,
    });
    expect(ltv.cached).toBe(true);
    expect(logged).toEqual([]);
    // Nothing changed: the next poll warms nothing.
    expect(await warmer.poll()).toEqual([]);
  }, 120_000);

  it('when another process appends a later day and refreshes, then the poll warms the new latest data day', async () => {
    await insertOrders(db, workspace.id, [
      order(1001, 1, '2024-03-20', 4321),
      order(1002, 2, '2024-03-20', 999),
    ]);
    await db.transaction((tx) => applyNewOrders(tx, workspace.id));
    expect(await warmer.poll()).toEqual([workspace.id]);
    await warmer.settled();
    expect(await tiersCached(addDays('2024-03-20', 1))).toBe(true);
    // The old default is not what was warmed for the new version.
    expect(await tiersCached(addDays('2024-03-02', 1))).toBe(false);
  }, 120_000);

  it('when watching, then a change is picked up by the timer without being told', async () => {
    const watcher = new DashboardWarmer(db, 0, (m) => logged.push(m));
    try {
      watcher.watch(50);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await watcher.settled();
      await insertOrders(db, workspace.id, [order(1003, 3, '2024-03-25', 2500)]);
      await db.transaction((tx) => applyNewOrders(tx, workspace.id));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await watcher.settled();
      expect(await tiersCached(addDays('2024-03-25', 1))).toBe(true);
      expect(logged).toEqual([]);
    } finally {
      await watcher.stop();
    }
  }, 120_000);
});
