import { memberChurn } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { datasetArb, loadDataset, TEST_TIME_ZONE, windowArb } from '../../read-model/test-data.js';
import { membership } from './membership.service.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('membership from the read model', () => {
  it('when windows are random, then the member counts and churn rate equal memberChurn', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.array(windowArb, { minLength: 1, maxLength: 3 }),
        async (data, windows) => {
          const workspaceId = await loadDataset(db, data, { defaultMargin: 0, commissionRate: 0 });
          await rebuildReadModel(db, workspaceId);
          const workspace = { id: workspaceId, time_zone: TEST_TIME_ZONE };
          for (const window of windows) {
            const { metrics } = await membership(db.db, workspace, window);
            const expected = memberChurn({
              customers: data.customers,
              window,
              timeZone: TEST_TIME_ZONE,
            });
            expect(metrics, JSON.stringify(window)).toEqual({
              private_members: expected.private_members,
              new_private_members: expected.new_private_members,
              churned_members: expected.churned_members,
              member_churn_rate: expected.member_churn_rate,
              members_at_start: expected.members_at_start,
            });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
