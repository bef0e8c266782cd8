/**
 * LTV as a trend: each first-order cohort's cumulative value per customer after `months` months,
 * private vs public, for the last `count` cohorts old enough to have it. Pure.
 */
import type { ResponseOf, ltvContract } from '@yugang/contract';
import type { TrendRow } from '@yugang/charts';

type Ltv = Pick<ResponseOf<typeof ltvContract.get>, 'cohorts'>;

export function cohortLtvRows(ltv: Ltv, months: number, count: number): TrendRow[] {
  return ltv.cohorts
    .filter((c) => c.cells.private.length > months)
    .map((c) => ({
      period: c.cohort,
      private: c.cells.private[months]?.value ?? null,
      public: c.cells.public[months]?.value ?? null,
    }))
    .slice(-count);
}
