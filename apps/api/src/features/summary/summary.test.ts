import { customerValueMetrics } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../read-model/read-model.refresh.js';
import {
  datasetArb,
  dayOf,
  loadDataset,
  TEST_TIME_ZONE,
  windowArb,
} from '../read-model/test-data.js';
import { customerValueFromReadModel, sourceFor } from './summary.service.js';

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

  it('when a window is one week, one month or whole months, then the cheap source is chosen', () => {
    expect(sourceFor({ from: '2024-01-08', to: '2024-01-15' })).toBe('week');
    expect(sourceFor({ from: '2024-02-01', to: '2024-03-01' })).toBe('month');
    expect(sourceFor({ from: '2024-01-01', to: '2024-04-01' })).toBe('customer_month');
    expect(sourceFor({ from: '2024-01-02', to: '2024-01-09' })).toBe('customer_day');
  });
});
