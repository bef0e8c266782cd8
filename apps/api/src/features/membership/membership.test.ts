import { memberChurn, memberSeries, startOfLocalDate } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { datasetArb, loadDataset, TEST_TIME_ZONE, windowArb } from '../../read-model/test-data.js';
import { membership, membershipTrend } from './membership.service.js';

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

  it('when ranges are random, then the trend of weeks or months equals memberSeries', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        windowArb,
        fc.constantFrom('week' as const, 'month' as const),
        async (data, window, grain) => {
          const workspaceId = await loadDataset(db, data, { defaultMargin: 0, commissionRate: 0 });
          await rebuildReadModel(db, workspaceId);
          const workspace = { id: workspaceId, time_zone: TEST_TIME_ZONE };
          const trend = await membershipTrend(db.db, workspace, { grain, ...window });
          const expected = memberSeries({
            customers: data.customers,
            grain,
            ...window,
            timeZone: TEST_TIME_ZONE,
          });
          expect(trend.points, JSON.stringify({ window, grain })).toEqual(expected);
          expect(trend.from).toBe(expected[0]?.period ?? window.from);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('when members join and leave at the very instants periods start, then the trend still equals memberSeries', async () => {
    const at = (day: string, ms = 0) =>
      new Date(startOfLocalDate(day, TEST_TIME_ZONE).getTime() + ms);
    const member = (id: string, joined: Date, left: Date | null = null) => ({
      id,
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: joined,
      leftPrivateAt: left,
    });
    const customers = [
      member('1', at('2024-01-10', 1)),
      member('2', at('2024-02-01'), at('2024-03-01')),
      member('3', at('2024-03-01')),
      member('4', at('2024-02-01', -1), at('2024-03-01', -1)),
      member('5', at('2024-02-01', 1), at('2024-03-01', 1)),
      member('6', at('2024-02-15'), at('2024-02-15')),
    ];
    const workspaceId = await loadDataset(
      db,
      { customers, orders: [] },
      { defaultMargin: 0, commissionRate: 0 },
    );
    await rebuildReadModel(db, workspaceId);
    const workspace = { id: workspaceId, time_zone: TEST_TIME_ZONE };
    const range = { from: '2024-01-01', to: '2024-04-01' };
    for (const grain of ['month', 'week'] as const) {
      const trend = await membershipTrend(db.db, workspace, { grain, ...range });
      const expected = memberSeries({ customers, grain, ...range, timeZone: TEST_TIME_ZONE });
      expect(trend.points).toEqual(expected);
    }
    const months = await membershipTrend(db.db, workspace, { grain: 'month', ...range });
    expect(months.points.map((p) => p.private_members.value)).toEqual([3, 3, 2]);
  });
});
