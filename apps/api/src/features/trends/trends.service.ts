import { addDays, addMonths, periodOf, type Evidence, type Section1Id } from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { badRequest } from '../../errors/app-error.js';
import { readModelSettings } from '../../read-model/read-model.settings.js';
import {
  evidenceInYuan,
  section1FromTotals,
  ZERO_TOTALS,
} from '../../read-model/read-model.totals.js';
import { annotationsIn, goalsFor, periodSeries, type GoalRow } from './trends.queries.js';

type Db = Kysely<Database>;

export interface TrendPoint {
  /** First day of the week (Monday) or month. */
  period: string;
  public: Evidence;
  private: Evidence;
  all: Evidence;
}

export interface TrendsResponse {
  metric: Section1Id;
  grain: 'week' | 'month';
  from: string;
  to: string;
  points: TrendPoint[];
  goals: GoalRow[];
  annotations: { date: string; text: string }[];
}

/** At most this many points per series (about 5 years of weeks). */
export const MAX_POINTS = 260;

/**
 * A section-1 metric per whole week or month overlapping [from, to); each period is its own
 * window (customers grouped at its end). Empty periods are points with zero evidence.
 */
export async function trends(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'time_zone' | 'settings'>,
  input: { metric: Section1Id; grain: 'week' | 'month'; from: string; to: string },
): Promise<TrendsResponse> {
  const { metric, grain } = input;
  if (input.from >= input.to) throw badRequest('from must be before to');
  const { commissionRate } = readModelSettings(workspace);
  const first = grain === 'week' ? periodOf(input.from, 'week') : `${input.from.slice(0, 7)}-01`;
  const starts: string[] = [];
  for (let p = first; p < input.to;) {
    starts.push(p);
    p = grain === 'week' ? addDays(p, 7) : `${addMonths(p.slice(0, 7), 1)}-01`;
    if (starts.length > MAX_POINTS) throw badRequest(`at most ${MAX_POINTS} periods per request`);
  }
  const from = starts[0] ?? first;
  const [series, goals, annotations] = await Promise.all([
    periodSeries(db, workspace.id, grain, from, input.to),
    goalsFor(db, workspace.id, metric, from, input.to),
    annotationsIn(db, workspace.id, from, input.to),
  ]);
  const points = starts.map((period) => {
    const totals = series.get(period) ?? { public: ZERO_TOTALS, private: ZERO_TOTALS };
    const m = section1FromTotals(totals, commissionRate)[metric];
    return {
      period,
      public: evidenceInYuan(metric, m.public),
      private: evidenceInYuan(metric, m.private),
      all: evidenceInYuan(metric, m.all),
    };
  });
  return { metric, grain, from, to: input.to, points, goals, annotations };
}
