import {
  addDays,
  daysBetween,
  firstOrderConversion,
  firstOrderConversionOf,
  localDateOf,
  medianFigureOf,
  medianFirstResponseHours,
  middleHoursMedian,
  repurchaseConversion,
  repurchaseConversionOf,
  responseRate48h,
  responseRateOf,
  type ConversationRecord,
} from '@yugang/metrics';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { runImport } from '../imports/imports.service.js';
import { jsonSource } from '../imports/json-source.js';
import { createWorkspace } from '../workspaces/workspaces.service.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import {
  BASE_INSTANT,
  datasetArb,
  loadDataset,
  SPAN_DAYS,
  TEST_TIME_ZONE,
  windowArb,
} from '../../read-model/test-data.js';
import { conversationCounts, conversionCounts } from './team-kpis.queries.js';

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

/**
 * asOf anywhere, or while one of the conversations waited for its reply (then a reply more
 * than 48 h late can be after asOf while its day is settled).
 */
const asOfPickArb = fc.oneof(
  asOfArb.map((at) => ({ at, talk: 0, part: 0 })),
  fc.record({
    at: fc.constant(null),
    talk: fc.nat(),
    part: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);

function asOfOf(
  pick: { at: Date | null; talk: number; part: number },
  talks: readonly { inbound: number; reply: number | null }[],
): Date {
  if (pick.at !== null || talks.length === 0) return pick.at ?? new Date(BASE_INSTANT);
  const c = talks[pick.talk % talks.length]!;
  return new Date(BASE_INSTANT + c.inbound + Math.floor(pick.part * (c.reply ?? 5 * DAY)));
}

/**
 * Any window, or one around an instant before asOf (its day within the window): 3 days (the
 * replies still pending), or the conversions' spans, 30 and 90 days (the days around them are
 * counted from rows).
 */
const windowPickArb = fc.oneof(
  windowArb.map((window) => ({ window, before: null })),
  fc.tuple(windowArb, fc.constantFrom(3, 30, 90)).map(([window, before]) => ({ window, before })),
);

function windowOf(pick: { window: { from: string; to: string }; before: number | null }, at: Date) {
  if (pick.before === null) return pick.window;
  const days = daysBetween(pick.window.from, pick.window.to);
  const day = localDateOf(new Date(at.getTime() - pick.before * DAY), TEST_TIME_ZONE);
  const from = addDays(day, -Math.floor(days / 2));
  return { from, to: addDays(from, days) };
}

describe('team KPIs from the read model and conversations', () => {
  it('when the figures are counted in SQL, then they equal the metrics functions over the records', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.array(conversationArb, { maxLength: 30 }),
        windowPickArb,
        asOfPickArb,
        async (data, talks, windowPick, asOfPick) => {
          const asOf = asOfOf(asOfPick, talks);
          const window = windowOf(windowPick, asOf);
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
          const options = { timeZone: TEST_TIME_ZONE, asOf };

          const conversions = await conversionCounts(db.db, workspaceId, {
            ...window,
            timeZone: TEST_TIME_ZONE,
            asOf,
          });
          expect(firstOrderConversionOf(conversions.firstOrder)).toEqual(
            firstOrderConversion(data.customers, data.orders, window, options),
          );
          expect(repurchaseConversionOf(conversions.repurchase)).toEqual(
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

  it('when conversations are imported, re-imported changed, deleted and the time zone changes, then the stored counts equal a recount and the figures the metrics functions', async () => {
    const talkArb = fc.record({ id: fc.integer({ min: 0, max: 40 }), talk: conversationArb });
    const batchArb = (maxLength: number) =>
      fc.uniqueArray(talkArb, { selector: (t) => t.id, maxLength });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        batchArb(30),
        // Zones whose offsets change in the data's span, one at local midnight (Santiago).
        fc.constantFrom(null, 'America/Santiago', 'Europe/London', 'Pacific/Chatham'),
        batchArb(20),
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
        windowPickArb,
        asOfPickArb,
        async (first, zone, second, deleted, windowPick, asOfPick) => {
          const asOf = asOfOf(
            asOfPick,
            [...first, ...second].map((t) => t.talk),
          );
          const window = windowOf(windowPick, asOf);
          runs += 1;
          let workspace = await createWorkspace(db.db, {
            slug: `talks-${runs}-${Math.floor(Math.random() * 1e9)}`,
            name: 'talks',
            timeZone: TEST_TIME_ZONE,
          });
          const load = async (batch: typeof first) => {
            if (batch.length === 0) return;
            const rows = batch.map(({ id, talk }) => ({
              conversation_id: `T${id}`,
              first_inbound_at: new Date(BASE_INSTANT + talk.inbound).toISOString(),
              first_response_at:
                talk.reply === null
                  ? null
                  : new Date(BASE_INSTANT + talk.inbound + talk.reply).toISOString(),
            }));
            const result = await runImport(db, {
              workspace,
              kind: 'conversations',
              source: jsonSource(rows),
              fileName: 'conversations.json',
            });
            expect(result.status).toBe('succeeded');
          };
          await load(first);
          if (zone !== null) {
            workspace = await db.db
              .updateTable('workspaces')
              .set({ time_zone: zone })
              .where('id', '=', workspace.id)
              .returningAll()
              .executeTakeFirstOrThrow();
          }
          await load(second);
          if (deleted.length > 0) {
            await db.db
              .deleteFrom('conversations')
              .where('workspace_id', '=', workspace.id)
              .where(
                'external_id',
                'in',
                deleted.map((id) => `T${id}`),
              )
              .execute();
          }

          const stored = await sql<{ id: string; inbound: Date; reply: Date | null }>`
            select external_id as id, first_inbound_at as inbound, first_response_at as reply
            from conversations where workspace_id = ${workspace.id}`.execute(db.db);
          const conversations: ConversationRecord[] = stored.rows.map((r) => ({
            id: r.id,
            customerId: null,
            accountId: null,
            firstInboundAt: new Date(r.inbound),
            firstResponseAt: r.reply === null ? null : new Date(r.reply),
          }));
          const timeZone = workspace.time_zone;
          const options = { timeZone, asOf };
          const counts = await conversationCounts(db.db, workspace.id, {
            ...window,
            timeZone,
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

          // Counted again from the conversations (a time zone change and back recounts).
          const kept = await storedCounts(workspace.id);
          for (const zoneNow of ['UTC', timeZone]) {
            await db.db
              .updateTable('workspaces')
              .set({ time_zone: zoneNow })
              .where('id', '=', workspace.id)
              .execute();
          }
          expect(kept).toEqual(await storedCounts(workspace.id));
        },
      ),
      { numRuns: 30 },
    );
  });
});

/** Every stored count row of a workspace, in key order. */
async function storedCounts(workspaceId: number) {
  const day = await sql`select local_date, started, answered, replied from rm_conversation_day
    where workspace_id = ${workspaceId} order by local_date`.execute(db.db);
  const hour = await sql`select grain, period, hour, replies from rm_reply_hour
    where workspace_id = ${workspaceId} order by grain, period, hour`.execute(db.db);
  const minute = await sql`select grain, period, minute, replies from rm_reply_minute
    where workspace_id = ${workspaceId} order by grain, period, minute`.execute(db.db);
  return { day: day.rows, hour: hour.rows, minute: minute.rows };
}
