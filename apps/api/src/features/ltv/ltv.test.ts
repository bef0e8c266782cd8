import { historicalLtv, type CohortBasis, type LtvMeasure } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { datasetArb, loadDataset, TEST_TIME_ZONE } from '../../read-model/test-data.js';
import { historicalLtvFromReadModel } from './ltv.service.js';

const SETTINGS = { defaultMargin: 0.35 };

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('historical LTV from the read model', () => {
  it('when data, basis, measure and asOf are random, then it equals historicalLtv', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.constantFrom<CohortBasis>('first_order', 'private_join'),
        fc.constantFrom<LtvMeasure>('gmv', 'gross_profit'),
        fc.option(fc.constantFrom('2024-01', '2024-02', '2024-03', '2024-05')),
        fc.option(fc.integer({ min: 0, max: 3 })),
        async (data, basis, measure, asOf, maxK) => {
          const workspaceId = await loadDataset(db, data, SETTINGS);
          await rebuildReadModel(db, workspaceId);
          const options = { basis, measure, asOf: asOf ?? undefined, maxK: maxK ?? undefined };
          const actual = await historicalLtvFromReadModel(
            db.db,
            { id: workspaceId, time_zone: TEST_TIME_ZONE },
            options,
          );
          const expected = historicalLtv({
            customers: data.customers,
            orders: data.orders,
            timeZone: TEST_TIME_ZONE,
            defaultMargin: SETTINGS.defaultMargin,
            ...options,
          });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
