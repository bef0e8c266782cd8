import type { trendsResponse } from '@yugang/contract';
import { periodStarts, type Section1Id } from '@yugang/metrics';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelSettings } from '../../read-model/read-model.settings.js';
import {
  evidenceInYuan,
  section1FromTotals,
  ZERO_TOTALS,
} from '../../read-model/read-model.totals.js';
import { annotationsIn, goalsFor, periodSeries } from './trends.queries.js';

type Db = Kysely<Database>;

export type TrendsResponse = z.output<typeof trendsResponse>;
export type TrendPoint = TrendsResponse['points'][number];

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
  const { commissionRate } = readModelSettings(workspace);
  const starts = periodStarts(grain, input.from, input.to);
  const from = starts[0] ?? input.from;
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
