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
  bgNbdExpectedPurchasesIfAlive,
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

interface Schedule {
  horizon: number;
  discountRate: number;
  periodLength: number;
  margin: number;
}

/** The options with their defaults, validated. */
function scheduleOf(input: Omit<PredictedClvInput, 'row'>): Schedule {
  const horizon = input.horizon ?? 12;
  const discountRate = input.discountRate ?? 0.01;
  const periodLength = input.periodLength ?? 1;
  const margin = input.margin ?? 1;
  assertBgNbdParams(input.bgNbd);
  assertGammaGammaParams(input.gammaGamma);
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
  return { horizon, discountRate, periodLength, margin };
}

/**
 * E[Y(k·L) | alive, x, T] for k = 1…H into out[from + k − 1]: the part of the cumulative
 * expectation shared by every customer with the same (x, T).
 */
function fillCurve(
  bgNbd: BgNbdParams,
  s: Schedule,
  x: number,
  T: number,
  out: Float64Array,
  from: number,
): void {
  for (let k = 1; k <= s.horizon; k++) {
    out[from + k - 1] = bgNbdExpectedPurchasesIfAlive(bgNbd, k * s.periodLength, {
      frequency: x,
      T,
    });
  }
}

/**
 * Expected purchases within each period from the curve given alive and P(alive): the cumulative
 * expectation E[Y(k·L)] = curve[k] · P(alive), kept non-decreasing, differenced. Writes the
 * periods to out[to …] and returns the cumulative expectation at the horizon.
 */
function periodPurchases(
  curve: Float64Array,
  from: number,
  pAlive: number,
  horizon: number,
  out: Float64Array,
  to: number,
): number {
  let previous = 0;
  for (let k = 0; k < horizon; k++) {
    const cumulative = Math.max(previous, (curve[from + k] as number) * pAlive);
    out[to + k] = cumulative - previous;
    previous = cumulative;
  }
  return previous;
}

/** 1 / (1 + d)^k for k = 1…H. */
function discountFactors(s: Schedule): Float64Array {
  const out = new Float64Array(s.horizon);
  for (let k = 1; k <= s.horizon; k++) out[k - 1] = (1 + s.discountRate) ** -k;
  return out;
}

/** Predicted lifetime value of one customer, with the evidence behind it. */
export function predictedClv(input: PredictedClvInput): PredictedClv {
  const { bgNbd, gammaGamma, row } = input;
  const s = scheduleOf(input);
  assertBgNbdRow(row);
  const expectedSpend = gammaGammaExpectedSpend(gammaGamma, {
    frequency: row.frequency,
    monetaryValue: row.frequency === 0 ? 0 : row.monetaryValue,
  });
  const pAlive = bgNbdProbabilityAlive(bgNbd, row);
  const curve = new Float64Array(s.horizon);
  fillCurve(bgNbd, s, row.frequency, row.T, curve, 0);
  const purchases = new Float64Array(s.horizon);
  const expectedPurchases = periodPurchases(curve, 0, pAlive, s.horizon, purchases, 0);
  const discount = discountFactors(s);
  const periods: PredictedClvPeriod[] = [];
  let value = 0;
  for (let k = 1; k <= s.horizon; k++) {
    const discountFactor = discount[k - 1] as number;
    const inPeriod = purchases[k - 1] as number;
    const periodValue = s.margin * expectedSpend * inPeriod * discountFactor;
    value += periodValue;
    periods.push({ period: k, expectedPurchases: inPeriod, discountFactor, value: periodValue });
  }
  return { value, pAlive, expectedPurchases, expectedSpend, periods };
}

// ---------------------------------------------------------------------------------------------
// Many customers at once, grouped

/** Customer histories as columns (index i = one customer), in the model's time unit. */
export interface PredictedClvColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Mean value of the repeat transactions (ignored where frequency is 0). */
  monetaryValue: ArrayLike<number>;
}

export interface PredictedClvScores {
  /** predictedClv(…).value, .pAlive and .expectedPurchases per customer, same index. */
  value: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Distinct (frequency, recency, T): P(alive) and the period purchases were computed once each. */
  groups: number;
  /** Distinct (frequency, T): the expectation given alive (the series) was computed once each. */
  curves: number;
}

/** Open-addressing index of distinct tuples of doubles: id(…) gives 0, 1, 2… in first-seen order. */
class TupleIndex {
  private slots: Int32Array;
  private keys: Float64Array;
  size = 0;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(private readonly width: number) {
    this.slots = new Int32Array(1 << 12).fill(-1);
    this.keys = new Float64Array(width * 1024);
  }

  /** The tuple's number (a new one when first seen); k0…k2 beyond the width are ignored. */
  id(k0: number, k1: number, k2 = 0): number {
    // + 0 turns −0 into +0, so that equal numbers hash alike.
    k0 += 0;
    k1 += 0;
    k2 += 0;
    const w = this.width;
    let mask = this.slots.length - 1;
    let slot = this.hash(k0, k1, k2) & mask;
    for (;;) {
      const at = this.slots[slot] as number;
      if (at === -1) break;
      const base = at * w;
      if (
        this.keys[base] === k0 &&
        this.keys[base + 1] === k1 &&
        (w < 3 || this.keys[base + 2] === k2)
      ) {
        return at;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if ((id + 1) * w > this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[id * w] = k0;
    this.keys[id * w + 1] = k1;
    if (w === 3) this.keys[id * w + 2] = k2;
    if (2 * this.size > this.slots.length) {
      this.rehash();
      mask = this.slots.length - 1;
      slot = this.hash(k0, k1, k2) & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    }
    this.slots[slot] = id;
    return id;
  }

  key(id: number, j: number): number {
    return this.keys[id * this.width + j] as number;
  }

  private mix(h: number, v: number): number {
    this.bits[0] = v;
    h = Math.imul(h ^ (this.words[0] as number), 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15) ^ (this.words[1] as number), 0x85ebca77);
    return h ^ (h >>> 13);
  }

  private hash(k0: number, k1: number, k2: number): number {
    const h = this.mix(this.mix(0x811c9dc5, k0), k1);
    return this.width === 3 ? this.mix(h, k2) : h;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      const base = id * this.width;
      let slot =
        this.hash(
          this.keys[base] as number,
          this.keys[base + 1] as number,
          this.width === 3 ? (this.keys[base + 2] as number) : 0,
        ) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/** Units of work (customers, groups, or a twelfth of a curve) between two yields. */
const STEP_WORK = 32_768;

/**
 * predictedClv for every customer of `rows`, equal to calling it row by row (bit for bit: the
 * same functions in the same order), but the BG/NBD part once per group: the expectation given
 * alive (the hypergeometric series, H per group) once per distinct (frequency, T), P(alive) and
 * the period purchases once per distinct (frequency, recency, T). Only the spend (Gamma-Gamma,
 * per customer's own mean) and the discounted sum stay per customer.
 *
 * A generator that yields (nothing) after about every STEP_WORK units of work, so a caller can
 * let its event loop run between steps; predictedClvColumns runs it to the end.
 * Throws a RangeError for invalid options or rows, as predictedClv does.
 */
export function* predictedClvColumnsSteps(
  input: Omit<PredictedClvInput, 'row'> & { rows: PredictedClvColumns },
): Generator<void, PredictedClvScores, void> {
  const { bgNbd, gammaGamma, rows } = input;
  const s = scheduleOf(input);
  const n = rows.frequency.length;
  if (rows.recency.length !== n || rows.T.length !== n || rows.monetaryValue.length !== n) {
    fail('predictedClv: the columns must have the same length');
  }
  const H = s.horizon;
  // 1. Each customer's group (frequency, recency, T); recency does not matter when frequency is 0.
  const groups = new TupleIndex(3);
  const groupOf = new Int32Array(n);
  const row: BgNbdRow = { frequency: 0, recency: 0, T: 0 };
  for (let i = 0; i < n; i++) {
    if (i % STEP_WORK === STEP_WORK - 1) yield;
    row.frequency = rows.frequency[i] as number;
    row.recency = rows.recency[i] as number;
    row.T = rows.T[i] as number;
    assertBgNbdRow(row, i);
    groupOf[i] = groups.id(row.frequency, row.T, row.frequency === 0 ? 0 : row.recency);
  }
  // 2. Each group's curve (frequency, T) and P(alive).
  const G = groups.size;
  const curves = new TupleIndex(2);
  const curveOf = new Int32Array(G);
  const pAlive = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    if (g % STEP_WORK === STEP_WORK - 1) yield;
    row.frequency = groups.key(g, 0);
    row.T = groups.key(g, 1);
    row.recency = groups.key(g, 2);
    curveOf[g] = curves.id(row.frequency, row.T);
    pAlive[g] = bgNbdProbabilityAlive(bgNbd, row);
  }
  // 3. The expectation given alive at the end of each period, per curve.
  const C = curves.size;
  const curve = new Float64Array(C * H);
  const curveSlice = Math.max(1, Math.floor(STEP_WORK / (4 * H)));
  for (let c = 0; c < C; c++) {
    if (c % curveSlice === curveSlice - 1) yield;
    fillCurve(bgNbd, s, curves.key(c, 0), curves.key(c, 1), curve, c * H);
  }
  // 4. Period purchases per group.
  const purchases = new Float64Array(G * H);
  const expected = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    if (g % STEP_WORK === STEP_WORK - 1) yield;
    expected[g] = periodPurchases(
      curve,
      (curveOf[g] as number) * H,
      pAlive[g] as number,
      H,
      purchases,
      g * H,
    );
  }
  // 5. Per customer: the expected spend and the discounted value.
  const discount = discountFactors(s);
  const out: PredictedClvScores = {
    value: new Float64Array(n),
    pAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    groups: G,
    curves: C,
  };
  const spendRow = { frequency: 0, monetaryValue: 0 };
  for (let i = 0; i < n; i++) {
    if (i % STEP_WORK === STEP_WORK - 1) yield;
    const g = groupOf[i] as number;
    const x = rows.frequency[i] as number;
    spendRow.frequency = x;
    spendRow.monetaryValue = x === 0 ? 0 : (rows.monetaryValue[i] as number);
    const expectedSpend = gammaGammaExpectedSpend(gammaGamma, spendRow);
    let value = 0;
    for (let k = 0; k < H; k++) {
      value +=
        s.margin * expectedSpend * (purchases[g * H + k] as number) * (discount[k] as number);
    }
    out.value[i] = value;
    out.pAlive[i] = pAlive[g] as number;
    out.expectedPurchases[i] = expected[g] as number;
  }
  return out;
}

/** predictedClvColumnsSteps run to the end in one go. */
export function predictedClvColumns(
  input: Omit<PredictedClvInput, 'row'> & { rows: PredictedClvColumns },
): PredictedClvScores {
  const steps = predictedClvColumnsSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
