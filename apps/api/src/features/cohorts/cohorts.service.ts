import {
  monthsBetween,
  ratio,
  triangleWidth,
  type CohortBasis,
  type Evidence,
  type RetentionCohort,
  type RetentionTriangle,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  cohortActivityByGroup,
  cohortSizesByGroup,
  latestDataMonth,
  type Group,
} from '../../read-model/read-model.cohorts.js';

type Db = Kysely<Database>;

export interface RetentionOptions {
  basis: CohortBasis;
  /** 'YYYY-MM', inclusive; default the latest month with data. */
  asOf?: string | undefined;
  maxK?: number | undefined;
}

const GROUPS: readonly Group[] = ['public', 'private'];

/** The retention triangle from the cohort rollups: the same as retentionTriangle on raw data. */
export async function retentionFromReadModel(
  db: Db,
  workspaceId: number,
  options: RetentionOptions,
): Promise<RetentionTriangle> {
  const { basis, maxK } = options;
  const asOf = options.asOf ?? (await latestDataMonth(db, workspaceId, basis));
  if (asOf === null) return { basis, asOf, cohorts: [] };
  const [sizes, activity] = await Promise.all([
    cohortSizesByGroup(db, workspaceId, basis, asOf),
    cohortActivityByGroup(db, workspaceId, basis, asOf),
  ]);
  const size = new Map<string, Record<Group, number>>();
  for (const s of sizes) {
    let entry = size.get(s.cohort);
    if (!entry) size.set(s.cohort, (entry = { public: 0, private: 0 }));
    entry[s.group] += s.size;
  }
  const active = new Map<string, number>();
  for (const a of activity) {
    const key = `${a.cohort}/${monthsBetween(a.cohort, a.activity)}/${a.group}`;
    active.set(key, (active.get(key) ?? 0) + a.customers);
  }
  const cohorts: RetentionCohort[] = [];
  for (const cohort of [...size.keys()].sort()) {
    const bySize = size.get(cohort)!;
    const total = bySize.public + bySize.private;
    const cells: Evidence[] = [];
    const groups: RetentionCohort['groups'] = {
      public: { size: bySize.public, cells: [] },
      private: { size: bySize.private, cells: [] },
    };
    for (let k = 0; k < triangleWidth(cohort, asOf, maxK); k++) {
      const counts = {
        public: active.get(`${cohort}/${k}/public`) ?? 0,
        private: active.get(`${cohort}/${k}/private`) ?? 0,
      };
      cells.push(ratio(counts.public + counts.private, total, 'empty cohort'));
      for (const g of GROUPS) {
        groups[g].cells.push(ratio(counts[g], bySize[g], `no ${g} customers in this cohort`));
      }
    }
    cohorts.push({ cohort, size: total, cells, groups });
  }
  return { basis, asOf, cohorts };
}
