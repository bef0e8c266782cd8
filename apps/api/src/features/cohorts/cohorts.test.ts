import { retentionTriangle, type CohortBasis } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { datasetArb, loadDataset, TEST_TIME_ZONE } from '../../read-model/test-data.js';
import { retentionFromReadModel } from './cohorts.service.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('retention triangle from the read model', () => {
  it('when data, basis, asOf and maxK are random, then it equals retentionTriangle', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.constantFrom<CohortBasis>('first_order', 'private_join'),
        fc.option(fc.constantFrom('2023-12', '2024-01', '2024-02', '2024-03', '2024-05')),
        fc.option(fc.integer({ min: 0, max: 3 })),
        async (data, basis, asOf, maxK) => {
          const workspaceId = await loadDataset(db, data);
          await rebuildReadModel(db, workspaceId);
          const options = { basis, asOf: asOf ?? undefined, maxK: maxK ?? undefined };
          const actual = await retentionFromReadModel(db.db, workspaceId, options);
          const expected = retentionTriangle({
            customers: data.customers,
            orders: data.orders,
            timeZone: TEST_TIME_ZONE,
            ...options,
          });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
