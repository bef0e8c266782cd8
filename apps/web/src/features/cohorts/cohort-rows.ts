/** The retention triangle of one customer group, and one cohort's curve, from GET cohorts. Pure. */
import type { RetentionRow, TrendRow } from '@yugang/charts';
import type { cohortsContract, ResponseOf } from '@yugang/contract';

type Cohorts = ResponseOf<typeof cohortsContract.get>;
export type CohortGroup = 'all' | 'private' | 'public';

export interface CohortCell {
  share: number | null;
  customers: number;
}

export interface GroupCohort extends RetentionRow {
  counts: number[];
}

/** The last `limit` cohorts (newest last) of a group, dropping cohorts of size 0. */
export function groupCohorts(data: Cohorts, group: CohortGroup, limit = 13): GroupCohort[] {
  return data.cohorts
    .map((c) => {
      const part = group === 'all' ? { size: c.size, cells: c.cells } : c.groups[group];
      return {
        cohort: c.cohort,
        size: part.size,
        cells: part.cells.map((e) => e.value),
        counts: part.cells.map((e) => e.numerator),
      };
    })
    .filter((c) => c.size > 0)
    .slice(-limit);
}

/** One cohort's retention by month offset, private vs public ('M0', 'M1', …). */
export function cohortCurve(data: Cohorts, cohort: string): TrendRow[] {
  const c = data.cohorts.find((x) => x.cohort === cohort);
  if (!c) return [];
  return c.cells.map((_, k) => ({
    period: `M${k}`,
    private: c.groups.private.cells[k]?.value ?? null,
    public: c.groups.public.cells[k]?.value ?? null,
  }));
}
