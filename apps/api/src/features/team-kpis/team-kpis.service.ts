import {
  guideRate,
  medianFirstResponseHours,
  responseRate48h,
  startOfLocalDate,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { conversations, liveSessions } from './team-kpis.queries.js';

type Db = Kysely<Database>;

/**
 * Guide rate (live sessions), 48 h response rate and median first response over the window.
 * Figures are as known now: a window ending in the future is judged at the present instant.
 * first_order_conversion and repurchase_conversion are not served yet (they need per-order
 * times after a join or a first order, which the read model does not keep).
 */
export async function teamKpis(db: Db, workspace: Workspace, window: DateWindow, now = new Date()) {
  const timeZone = workspace.time_zone;
  const start = startOfLocalDate(window.from, timeZone);
  const end = startOfLocalDate(window.to, timeZone);
  const asOf = now < end ? now : end;
  const [sessions, talks] = await Promise.all([
    liveSessions(db, workspace.id, start, end),
    conversations(db, workspace.id, start, end),
  ]);
  return {
    window,
    asOf: asOf.toISOString(),
    guideRate: guideRate(sessions, window, { timeZone }),
    responseRate48h: responseRate48h(talks, window, { timeZone, asOf }),
    medianFirstResponseHours: medianFirstResponseHours(talks, window, { timeZone, asOf }),
    notServed: ['first_order_conversion', 'repurchase_conversion'],
  };
}
