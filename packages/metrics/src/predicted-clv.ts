/**
 * `ltv_predicted` (METRICS.md §2): a customer's expected discounted gross profit over the next H
 * periods, from the BG/NBD purchase model times the Gamma-Gamma spend model.
 *
 *   value = margin · E[spend] · Σ_{k=1..H} (E[Y(k·L)] − E[Y((k−1)·L)]) / (1 + d)^k
 *
 * where E[Y(t)] is the BG/NBD conditional expected number of purchases in the next t time units,
 * L the period length and d the discount rate per period (purchases in period k are discounted
 * as if made at its end).
 *
 * Time unit: the BG/NBD parameters (α), the row's recency and T, and `periodLength` must all be in
 * the same unit — the one the model was fitted in. A model fitted in weeks with monthly periods
 * uses periodLength = MONTH_IN_WEEKS; one fitted in days uses MONTH_IN_DAYS; one fitted in
 * months uses 1 (the default).
 */
import {
  type BgNbdParams,
  type BgNbdRow,
  assertBgNbdParams,
  assertBgNbdRow,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
} from './bg-nbd.js';
import {
  type GammaGammaParams,
  assertGammaGammaParams,
  gammaGammaExpectedSpend,
} from './gamma-gamma.js';

/** An average month (365.25 / 12 days) in days and in weeks. */
export const MONTH_IN_DAYS = 365.25 / 12;
export const MONTH_IN_WEEKS = MONTH_IN_DAYS / 7;

export interface PredictedClvRow extends BgNbdRow {
  /** Mean value of the customer's repeat transactions (ignored when frequency is 0). */
  monetaryValue: number;
}

export interface PredictedClvInput {
  bgNbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  row: PredictedClvRow;
  /** Number of periods to look ahead, an integer ≥ 1. Default 12 (a year of months). */
  horizon?: number;
  /** Discount rate per period, ≥ 0. Default 0.01 (1% a month). */
  discountRate?: number;
  /** Length of one period in the model's time unit. Default 1. */
  periodLength?: number;
  /** Gross profit rate applied to spend, in [0, 1]. Default 1 (value = revenue). */
  margin?: number;
}

export interface PredictedClvPeriod {
  /** 1-based period index. */
  period: number;
  /** Expected purchases within this period (not discounted). */
  expectedPurchases: number;
  /** 1 / (1 + d)^period. */
  discountFactor: number;
  /** margin · expected spend · expectedPurchases · discountFactor. */
  value: number;
}

export interface PredictedClv {
  /** Expected discounted gross profit over the horizon: the `ltv_predicted` figure. */
  value: number;
  /** P(alive) now, from BG/NBD. */
  pAlive: number;
  /** Expected purchases over the whole horizon, not discounted. */
  expectedPurchases: number;
  /** Gamma-Gamma expected value per transaction. */
  expectedSpend: number;
  periods: PredictedClvPeriod[];
}

function fail(message: string): never {
  throw new RangeError(message);
}

/** Predicted lifetime value of one customer, with the evidence behind it. */
export function predictedClv(input: PredictedClvInput): PredictedClv {
  const { bgNbd, gammaGamma, row } = input;
  const horizon = input.horizon ?? 12;
  const discountRate = input.discountRate ?? 0.01;
  const periodLength = input.periodLength ?? 1;
  const margin = input.margin ?? 1;
  assertBgNbdParams(bgNbd);
  assertGammaGammaParams(gammaGamma);
  assertBgNbdRow(row);
  if (!Number.isInteger(horizon) || horizon < 1) {
    fail(`predictedClv: horizon must be an integer ≥ 1, got ${horizon}`);
  }
  if (!Number.isFinite(discountRate) || discountRate < 0) {
    fail(`predictedClv: discountRate must be a finite number ≥ 0, got ${discountRate}`);
  }
  if (!Number.isFinite(periodLength) || periodLength <= 0) {
    fail(`predictedClv: periodLength must be a finite number > 0, got ${periodLength}`);
  }
  if (!Number.isFinite(margin) || margin < 0 || margin > 1) {
    fail(`predictedClv: margin must be a number in [0, 1], got ${margin}`);
  }

  const expectedSpend = gammaGammaExpectedSpend(gammaGamma, {
    frequency: row.frequency,
    monetaryValue: row.frequency === 0 ? 0 : row.monetaryValue,
  });
  const periods: PredictedClvPeriod[] = [];
  let previous = 0;
  let value = 0;
  for (let k = 1; k <= horizon; k++) {
    const cumulative = Math.max(previous, bgNbdExpectedPurchases(bgNbd, k * periodLength, row));
    const purchases = cumulative - previous;
    previous = cumulative;
    const discountFactor = (1 + discountRate) ** -k;
    const periodValue = margin * expectedSpend * purchases * discountFactor;
    value += periodValue;
    periods.push({ period: k, expectedPurchases: purchases, discountFactor, value: periodValue });
  }
  return {
    value,
    pAlive: bgNbdProbabilityAlive(bgNbd, row),
    expectedPurchases: previous,
    expectedSpend,
    periods,
  };
}
