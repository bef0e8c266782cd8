import {
  endOfLocalMonth,
  monthsBetween,
  ratio,
  triangleWidth,
  type CohortBasis,
  type Evidence,
  type HistoricalLtv,
  type LtvCohort,
  type LtvMeasure,
  type Segment,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import {
  cohortActivityByGroup,
  cohortSizesByGroup,
  latestDataMonth,
} from '../../read-model/read-model.cohorts.js';

type Db = Kysely<Database>;

const SEGMENTS: readonly Segment[] = ['public', 'private', 'all'];

export interface LtvOptions {
  basis: CohortBasis;
  measure: LtvMeasure;
  asOf?: string | undefined;
  maxK?: number | undefined;
}

/**
 * Historical LTV by cohort and customer group from the cohort rollups: the same as
 * historicalLtv on raw data (gross profit uses the default margin baked into the read model).
 */
export async function historicalLtvFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'time_zone'>,
  options: LtvOptions,
): Promise<HistoricalLtv> {
  const { basis, measure, maxK } = options;
  const asOf = options.asOf ?? (await latestDataMonth(db, workspace.id, basis));
  if (asOf === null) return { basis, measure, asOf, groupAt: null, cohorts: [] };
  const [sizes, values] = await Promise.all([
    cohortSizesByGroup(db, workspace.id, basis, asOf),
    cohortActivityByGroup(db, workspace.id, basis, asOf),
  ]);
  const byCohort = new Map<string, LtvCohort & { monthly: Record<Segment, number[]> }>();
  const entry = (cohort: string) => {
    let e = byCohort.get(cohort);
    if (!e) {
      e = {
        cohort,
        size: { public: 0, private: 0, all: 0 },
        cells: { public: [], private: [], all: [] },
        monthly: { public: [], private: [], all: [] },
      };
      byCohort.set(cohort, e);
    }
    return e;
  };
  for (const s of sizes) {
    const e = entry(s.cohort);
    e.size[s.group] += s.size;
    e.size.all += s.size;
  }
  for (const v of values) {
    const e = byCohort.get(v.cohort);
    if (!e) continue;
    const k = monthsBetween(v.cohort, v.activity);
    if (maxK !== undefined && k > maxK) continue;
    const value = measure === 'gmv' ? v.gmvFen : v.grossProfitFen;
    e.monthly[v.group][k] = (e.monthly[v.group][k] ?? 0) + value;
    e.monthly.all[k] = (e.monthly.all[k] ?? 0) + value;
  }
  const cohorts: LtvCohort[] = [];
  for (const cohort of [...byCohort.keys()].sort()) {
    const e = byCohort.get(cohort)!;
    const width = triangleWidth(cohort, asOf, maxK);
    const cells: Record<Segment, Evidence[]> = { public: [], private: [], all: [] };
    for (const segment of SEGMENTS) {
      let cumulative = 0;
      for (let k = 0; k < width; k++) {
        cumulative += e.monthly[segment][k] ?? 0;
        cells[segment].push(
          ratio(cumulative, e.size[segment], `no ${segment} customers in this cohort`),
        );
      }
    }
    cohorts.push({ cohort, size: e.size, cells });
  }
  return {
    basis,
    measure,
    asOf,
    groupAt: endOfLocalMonth(asOf, workspace.time_zone),
    cohorts,
  };
}
