import {
  FIRST_ORDER_DAYS,
  firstOrderConversion,
  firstOrderConversionOf,
  medianFigureOf,
  medianFirstResponseHours,
  middleHoursMedian,
  REPURCHASE_DAYS,
  repurchaseConversion,
  repurchaseConversionOf,
  responseRate48h,
  responseRateOf,
  startOfLocalDate,
  type ConversationRecord,
} from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import {
  BASE_INSTANT,
  datasetArb,
  loadDataset,
  SPAN_DAYS,
  TEST_TIME_ZONE,
  windowArb,
} from '../../read-model/test-data.js';
import { conversationCounts, firstOrderCounts, repurchaseCounts } from './team-kpis.queries.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** Exact minutes (often a whole 48 h after the inbound) or any millisecond. */
const conversationArb = fc.record({
  inbound: fc.integer({ min: 0, max: SPAN_DAYS * DAY }),
  reply: fc.option(
    fc.oneof(
      fc.constant(48 * 60 * MINUTE),
      fc.integer({ min: 0, max: 5 * 1440 }).map((m) => m * MINUTE),
      fc.integer({ min: 0, max: 5 * DAY }),
    ),
    { nil: null, freq: 4 },
  ),
});

/** An instant from before the data to well after it (a future window is judged at now). */
const asOfArb = fc
  .integer({ min: -5 * 1440, max: (SPAN_DAYS + 200) * 1440 })
  .map((m) => new Date(BASE_INSTANT + m * MINUTE));

describe('team KPIs from the read model and conversations', () => {
  it('when the figures are counted in SQL, then they equal the metrics functions over the records', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.array(conversationArb, { maxLength: 30 }),
        windowArb,
        asOfArb,
        async (data, talks, window, asOf) => {
          const workspaceId = await loadDataset(db, data);
          await rebuildReadModel(db, workspaceId);
          const conversations: ConversationRecord[] = talks.map((c, i) => ({
            id: `T${i}`,
            customerId: null,
            accountId: null,
            firstInboundAt: new Date(BASE_INSTANT + c.inbound),
            firstResponseAt: c.reply === null ? null : new Date(BASE_INSTANT + c.inbound + c.reply),
          }));
          if (conversations.length > 0) {
            await db.db
              .insertInto('conversations')
              .values(
                conversations.map((c) => ({
                  workspace_id: workspaceId,
                  external_id: c.id,
                  first_inbound_at: c.firstInboundAt,
                  first_response_at: c.firstResponseAt,
                })),
              )
              .execute();
          }
          const start = startOfLocalDate(window.from, TEST_TIME_ZONE);
          const end = startOfLocalDate(window.to, TEST_TIME_ZONE);
          const options = { timeZone: TEST_TIME_ZONE, asOf };

          const first = await firstOrderCounts(db.db, workspaceId, {
            start,
            end,
            asOf,
            days: FIRST_ORDER_DAYS,
          });
          expect(firstOrderConversionOf(first)).toEqual(
            firstOrderConversion(data.customers, data.orders, window, options),
          );
          const again = await repurchaseCounts(db.db, workspaceId, {
            ...window,
            asOf,
            days: REPURCHASE_DAYS,
          });
          expect(repurchaseConversionOf(again)).toEqual(
            repurchaseConversion(data.orders, window, options),
          );
          const counts = await conversationCounts(db.db, workspaceId, {
            ...window,
            timeZone: TEST_TIME_ZONE,
            asOf,
          });
          expect(responseRateOf(counts)).toEqual(responseRate48h(conversations, window, options));
          const median =
            counts.lowerMs === null || counts.upperMs === null
              ? null
              : middleHoursMedian(counts.lowerMs, counts.upperMs);
          expect(medianFigureOf(median, counts.replied)).toEqual(
            medianFirstResponseHours(conversations, window, options),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
