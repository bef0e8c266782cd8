/**
 * `ltv_predicted` per customer (METRICS.md §2): fit BG/NBD on every customer's (frequency,
 * recency, T) in days and Gamma-Gamma on the repeat buyers' mean order value, then score each
 * customer's discounted gross profit over the horizon, P(alive) and expected purchases. Pure: the
 * caller loads the histories (the API from its read model) and drives the steps.
 */
import { fitBgNbdGrouped, groupBgNbdColumns, type BgNbdFit } from './bg-nbd.js';
import { fitGammaGammaColumns, type GammaGammaFit } from './gamma-gamma.js';
import { fenToYuan } from './money.js';
import { MONTH_IN_DAYS, predictedClvColumnsSteps } from './predicted-clv.js';

/** Monthly discount rate of predicted LTV. */
export const PREDICTED_LTV_DISCOUNT_RATE = 0.01;

/** Per customer with a counted order before asOf, as columns in ascending customer id. */
export interface CustomerHistoryColumns {
  rows: number;
  columns: {
    customer_id: Float64Array;
    /** Distinct order days (frequency + 1). */
    order_days: Float64Array;
    orders: Float64Array;
    gmv_fen: Float64Array;
    /** Days from the first to the last order day. */
    recency: Float64Array;
    /** Days from the first order day to asOf. */
    t: Float64Array;
    /** 1 when private at the midnight starting asOf. */
    is_private: Float64Array;
  };
}

/** Per-customer predictions, index i = one scored customer, ascending customer id. */
export interface CustomerScores {
  size: number;
  customerId: Float64Array;
  /** Predicted CLV (discounted gross profit over the horizon), yuan. */
  clv: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** 1 when private at the midnight starting asOf. */
  isPrivate: Uint8Array;
}

export type ScoredCustomers =
  | {
      ok: true;
      bgNbd: BgNbdFit;
      gammaGamma: GammaGammaFit;
      scores: CustomerScores;
      /** Repeat buyers left out because all their orders were free (Gamma-Gamma needs spend > 0). */
      skipped: number;
    }
  | { ok: false; reason: string };

export function noCustomerScores(): CustomerScores {
  return {
    size: 0,
    customerId: new Float64Array(0),
    clv: new Float64Array(0),
    pAlive: new Float64Array(0),
    expectedPurchases: new Float64Array(0),
    isPrivate: new Uint8Array(0),
  };
}

/** Average order value over the counted orders before asOf, yuan. */
function monetaryValue(h: CustomerHistoryColumns['columns'], i: number): number {
  const orders = h.orders[i]!;
  return orders > 0 ? fenToYuan(h.gmv_fen[i]!) / orders : 0;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * scoreCustomers in steps: it yields before and between its heavy parts (the grouping, each fit,
 * each step of the grouped scoring: predictedClvColumnsSteps), so a server can serve other
 * requests meanwhile; the fits themselves run in one piece each.
 */
export function* scoreCustomersSteps(
  histories: CustomerHistoryColumns,
  options: {
    horizonMonths: number;
    margin: number;
    /** Parameters fitted earlier on these same histories: scored with, not refitted. */
    fitted?: { bgNbd: BgNbdFit; gammaGamma: GammaGammaFit };
  },
): Generator<void, ScoredCustomers, void> {
  const { rows: n, columns: h } = histories;
  if (n === 0) return { ok: false, reason: 'no customer has an order before asOf' };
  yield; // the caller has just loaded the histories in one piece
  // (frequency, recency, T) in days as columns: no object per customer.
  const frequency = new Float64Array(n);
  let repeatBuyers = 0;
  for (let i = 0; i < n; i++) {
    frequency[i] = h.order_days[i]! - 1;
    if (frequency[i]! > 0) repeatBuyers += 1;
  }
  if (repeatBuyers === 0) {
    return { ok: false, reason: 'no repeat buyers before asOf: the models cannot be fitted' };
  }
  let bgNbd: BgNbdFit;
  if (options.fitted) bgNbd = options.fitted.bgNbd;
  else
    try {
      const grouped = groupBgNbdColumns({ frequency, recency: h.recency, T: h.t });
      yield;
      bgNbd = fitBgNbdGrouped(grouped);
    } catch (e) {
      return { ok: false, reason: `BG/NBD fit failed: ${message(e)}` };
    }
  yield;
  // Repeat buyers whose orders were all free cannot enter Gamma-Gamma (spend must be > 0).
  const usable = new Uint8Array(n);
  const spend = new Float64Array(n);
  let scored = 0;
  let spenders = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    spend[i] = monetaryValue(h, i);
    if (x === 0 || spend[i]! > 0) {
      usable[i] = 1;
      scored += 1;
      if (x > 0) spenders += 1;
    }
  }
  if (spenders === 0) {
    return {
      ok: false,
      reason: 'no repeat buyer with a positive order value: Gamma-Gamma cannot be fitted',
    };
  }
  const spendRows = {
    frequency: new Float64Array(spenders),
    monetaryValue: new Float64Array(spenders),
  };
  for (let i = 0, j = 0; i < n; i++) {
    if (usable[i] === 0 || frequency[i] === 0) continue;
    spendRows.frequency[j] = frequency[i]!;
    spendRows.monetaryValue[j] = spend[i]!;
    j += 1;
  }
  yield;
  let gammaGamma: GammaGammaFit;
  if (options.fitted) gammaGamma = options.fitted.gammaGamma;
  else
    try {
      gammaGamma = fitGammaGammaColumns(spendRows);
    } catch (e) {
      return { ok: false, reason: `Gamma-Gamma fit failed: ${message(e)}` };
    }
  yield;
  const scores: CustomerScores = {
    size: scored,
    customerId: new Float64Array(scored),
    clv: new Float64Array(scored),
    pAlive: new Float64Array(scored),
    expectedPurchases: new Float64Array(scored),
    isPrivate: new Uint8Array(scored),
  };
  const columns = {
    frequency: new Float64Array(scored),
    recency: new Float64Array(scored),
    T: new Float64Array(scored),
    monetaryValue: new Float64Array(scored),
  };
  for (let i = 0, j = 0; i < n; i++) {
    if (usable[i] === 0) continue;
    columns.frequency[j] = frequency[i]!;
    columns.recency[j] = h.recency[i]!;
    columns.T[j] = h.t[i]!;
    columns.monetaryValue[j] = spend[i]!;
    scores.customerId[j] = h.customer_id[i]!;
    scores.isPrivate[j] = h.is_private[i]!;
    j += 1;
  }
  try {
    const steps = predictedClvColumnsSteps({
      bgNbd,
      gammaGamma,
      rows: columns,
      horizon: options.horizonMonths,
      discountRate: PREDICTED_LTV_DISCOUNT_RATE,
      periodLength: MONTH_IN_DAYS,
      margin: options.margin,
    });
    let step = steps.next();
    while (!step.done) {
      yield;
      step = steps.next();
    }
    const { value, pAlive, expectedPurchases } = step.value;
    for (let j = 0; j < scored; j++) {
      if (!Number.isFinite(value[j]!) || !Number.isFinite(pAlive[j]!)) {
        return { ok: false, reason: 'the fitted models gave non-finite predictions' };
      }
    }
    scores.clv = value;
    scores.pAlive = pAlive;
    scores.expectedPurchases = expectedPurchases;
  } catch (e) {
    return { ok: false, reason: `prediction failed: ${message(e)}` };
  }
  return { ok: true, bgNbd, gammaGamma, scores, skipped: n - scored };
}

/** Fits both models and scores each customer, in one piece (see scoreCustomersSteps). */
export function scoreCustomers(
  histories: CustomerHistoryColumns,
  options: { horizonMonths: number; margin: number },
): ScoredCustomers {
  const steps = scoreCustomersSteps(histories, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
