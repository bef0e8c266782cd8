import {
  addDays,
  daysBetween,
  FIRST_ORDER_DAYS,
  firstOrderConversion,
  REPURCHASE_DAYS,
  repurchaseConversion,
  guideRate,
  medianFirstResponseHours,
  responseRate48h,
  startOfLocalDate,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import {
  conversations,
  firstTimersOrders,
  joinersAndOrders,
  liveSessions,
} from './team-kpis.queries.js';

/** Conversions read orders by an index range scan: only for windows up to this many days. */
export const MAX_CONVERSION_WINDOW_DAYS = 92;

type Db = Kysely<Database>;

/**
 * Guide rate (live sessions), 48 h response rate, median first response and, for windows up to
 * 92 days, first-order and repurchase conversion. Figures are as known now: a window ending in
 * the future is judged at the present instant. The conversions need order times after a join or
 * a first order, which the rollups do not keep: they read the orders of the window's joiners and
 * first-time customers by an index range scan bounded by the window plus 31 or 91 days.
 */
/** Answers are as of a 10-minute step of the clock, so one step's answers can be kept. */
const NOW_STEP_MS = 10 * 60_000;

/**
 * teamKpis as of the current 10-minute step, kept per data version, step and settings
 * (readModelCache): the conversion figures read members' and first-timers' orders (~2 s for
 * 28 days at 3M customers).
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

export async function teamKpis(db: Db, workspace: Workspace, window: DateWindow, now = new Date()) {
  const timeZone = workspace.time_zone;
  const start = startOfLocalDate(window.from, timeZone);
  const end = startOfLocalDate(window.to, timeZone);
  const asOf = now < end ? now : end;
  const [sessions, talks] = await Promise.all([
    liveSessions(db, workspace.id, start, end),
    conversations(db, workspace.id, start, end),
  ]);
  const days = daysBetween(window.from, window.to);
  let firstOrder = null;
  let repurchase = null;
  if (days <= MAX_CONVERSION_WINDOW_DAYS) {
    const [joiners, firstTimers] = await Promise.all([
      joinersAndOrders(db, workspace.id, {
        start,
        end,
        from: addDays(window.from, -1),
        until: addDays(window.to, FIRST_ORDER_DAYS + 2),
      }),
      firstTimersOrders(db, workspace.id, {
        from: window.from,
        to: window.to,
        until: addDays(window.to, REPURCHASE_DAYS + 2),
      }),
    ]);
    firstOrder = firstOrderConversion(joiners.customers, joiners.orders, window, {
      timeZone,
      asOf: now,
    });
    repurchase = repurchaseConversion(firstTimers, window, { timeZone, asOf: now });
  }
  return {
    window,
    asOf: asOf.toISOString(),
    guideRate: guideRate(sessions, window, { timeZone }),
    responseRate48h: responseRate48h(talks, window, { timeZone, asOf }),
    medianFirstResponseHours: medianFirstResponseHours(talks, window, { timeZone, asOf }),
    firstOrderConversion: firstOrder,
    repurchaseConversion: repurchase,
    notServed:
      firstOrder === null
        ? [
            `first_order_conversion and repurchase_conversion: windows up to ${MAX_CONVERSION_WINDOW_DAYS} days`,
          ]
        : [],
  };
}
