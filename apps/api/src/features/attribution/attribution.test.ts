import { creditedGmvByPeriod, creditedGmvSplit, type CreditPeriod } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { datasetArb, loadDataset, windowArb } from '../../read-model/test-data.js';
import { creditedGmvFromReadModel, creditedGmvSplitFromOrders } from './attribution.service.js';

const SETTINGS = { privateShare: 0.3 };

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('credited GMV over time from the read model', () => {
  it('when data, period and window are random, then it equals creditedGmvByPeriod', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.constantFrom<CreditPeriod>('week', 'month'),
        fc.option(windowArb),
        async (data, period, window) => {
          const workspaceId = await loadDataset(db, data, SETTINGS);
          await rebuildReadModel(db, workspaceId);
          const actual = await creditedGmvFromReadModel(
            db.db,
            workspaceId,
            period,
            window ?? undefined,
          );
          const expected = creditedGmvByPeriod({
            customers: data.customers,
            orders: data.orders,
            privateShare: SETTINGS.privateShare,
            period,
            ...(window ? { window } : {}),
          });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('when data, period and window are random, then the split by channel and order kind equals creditedGmvSplit', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.constantFrom<CreditPeriod>('week', 'month'),
        windowArb,
        async (data, period, window) => {
          const workspaceId = await loadDataset(db, data, SETTINGS);
          await rebuildReadModel(db, workspaceId);
          const actual = await creditedGmvSplitFromOrders(
            db.db,
            workspaceId,
            period,
            window,
            SETTINGS.privateShare,
          );
          const expected = creditedGmvSplit({
            customers: data.customers,
            orders: data.orders,
            privateShare: SETTINGS.privateShare,
            period,
            window,
          });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
