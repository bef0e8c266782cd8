/**
 * The LTV page's series: each cohort's cumulative value curve for a group, the size-weighted
 * curve per group, and what the fitted models' parameters mean in everyday units. Pure.
 */
import type { ltvContract, ltvPredictedContract, ResponseOf } from '@yugang/contract';

type Ltv = ResponseOf<typeof ltvContract.get>;
type Predicted = ResponseOf<typeof ltvPredictedContract.get>;
export type LtvGroup = 'all' | 'private' | 'public';

export interface CohortCurve {
  cohort: string;
  size: number;
  values: (number | null)[];
}

/** The last `limit` cohorts with customers in the group, each curve M0…Mk. */
export function cohortCurves(ltv: Ltv, group: LtvGroup, limit: number): CohortCurve[] {
  return ltv.cohorts
    .filter((c) => c.size[group] > 0)
    .map((c) => ({
      cohort: c.cohort,
      size: c.size[group],
      values: c.cells[group].map((e) => e.value),
    }))
    .slice(-limit);
}

/** Per month offset, the cohort-size-weighted mean LTV over the cohorts that reached it. */
export function weightedCurve(ltv: Ltv, group: LtvGroup): (number | null)[] {
  const longest = Math.max(0, ...ltv.cohorts.map((c) => c.cells[group].length));
  return Array.from({ length: longest }, (_, k) => {
    let sum = 0;
    let weight = 0;
    for (const c of ltv.cohorts) {
      const v = c.cells[group][k]?.value;
      if (typeof v !== 'number' || c.size[group] <= 0) continue;
      sum += v * c.size[group];
      weight += c.size[group];
    }
    return weight > 0 ? sum / weight : null;
  });
}

export interface ModelReading {
  /** Purchases a year of a typical active customer (BG/NBD r / α per day × 365). */
  purchasesPerYear: number;
  /** Chance a customer drops out after any purchase (BG/NBD a / (a + b)). */
  dropoutPerPurchase: number;
  /** Mean spend per order (Gamma-Gamma p·v / (q − 1)), yuan; null when q ≤ 1. */
  meanSpend: number | null;
}

export function modelReading(predicted: Predicted): ModelReading | null {
  const m = predicted.model;
  if (!m) return null;
  const { r, alpha, a, b } = m.bgNbd;
  const { p, q, v } = m.gammaGamma;
  return {
    purchasesPerYear: (r / alpha) * 365,
    dropoutPerPurchase: a / (a + b),
    meanSpend: q > 1 ? (p * v) / (q - 1) : null,
  };
}
