import {
  firstOrderConversionOf,
  guideRate,
  medianFigureOf,
  middleHoursMedian,
  repurchaseConversionOf,
  responseRateOf,
  startOfLocalDate,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { conversationCounts, conversionCounts, liveSessions } from './team-kpis.queries.js';

type Db = Kysely<Database>;

/** Answers are as of a 10-minute step of the clock, so one step's answers can be kept. */
const NOW_STEP_MS = 10 * 60_000;

/**
 * teamKpis as of the current 10-minute step, kept per data version, step and settings
 * (readModelCache).
 */
export async function cachedTeamKpis(
  db: Db,
  workspace: Workspace,
  window: DateWindow,
  now = new Date(),
) {
  const step = new Date(Math.floor(now.getTime() / NOW_STEP_MS) * NOW_STEP_MS);
  const { value } = await readModelCache.get(
    db,
    workspace.id,
    'team-kpis',
    [
      window.from,
      window.to,
      step.toISOString(),
      workspace.time_zone,
      JSON.stringify(workspace.settings),
    ],
    () => teamKpis(db, workspace, window, step),
  );
  return value;
}

/**
 * Guide rate (live sessions), 48 h response rate, median first response, first-order and
 * repurchase conversion. Figures are as known now: a window ending in the future is judged at the
 * present instant. Nothing fetches orders or conversations: the conversions come from the stored
 * counts per day (conversionCounts, migration 0028), the response figures from the stored counts
 * per day, hour and minute of reply (conversationCounts, migration 0027), both equal to the
 * metrics functions (team-kpis.queries.test.ts).
 */
export async function teamKpis(db: Db, workspace: Workspace, window: DateWindow, now = new Date()) {
  const timeZone = workspace.time_zone;
  const start = startOfLocalDate(window.from, timeZone);
  const end = startOfLocalDate(window.to, timeZone);
  const asOf = now < end ? now : end;
  const [sessions, talks, conversions] = await Promise.all([
    liveSessions(db, workspace.id, start, end),
    conversationCounts(db, workspace.id, { ...window, timeZone, asOf }),
    conversionCounts(db, workspace.id, { ...window, timeZone, asOf: now }),
  ]);
  const median =
    talks.lowerMs === null || talks.upperMs === null
      ? null
      : middleHoursMedian(talks.lowerMs, talks.upperMs);
  return {
    window,
    asOf: asOf.toISOString(),
    guideRate: guideRate(sessions, window, { timeZone }),
    responseRate48h: responseRateOf(talks),
    medianFirstResponseHours: medianFigureOf(median, talks.replied),
    firstOrderConversion: firstOrderConversionOf(conversions.firstOrder),
    repurchaseConversion: repurchaseConversionOf(conversions.repurchase),
  };
}
