/**
 * Incremental value of the private domain: what joining changed, not what joiners were.
 *
 * Coarsened exact matching, stacked by join month (docs/decisions/0008-incrementality.md):
 * each customer who joined in month m with an order before m is compared with customers
 * acquired in the same month, through the same first channel, in the same recency, frequency
 * and monetary buckets over the 12 months before m, who had not joined by the end of m's post
 * window (clean controls). The lift is a difference in differences: (orders after − the
 * customer's own pre-period rate × N) of members minus the same of their stratum's controls,
 * over months m+1 … m+N (the join month itself is left out: it mixes before and after).
 * Join months are stacked (each cohort with its own controls), never a two-way fixed-effects
 * regression over staggered adoption. 90 % intervals: Bayesian bootstrap over customers (one
 * Exp(1) weight per customer across every cohort it appears in, so a control reused by several
 * join months counts once), seeded; a stratum needs two controls.
 *
 * Months are integer indices (year × 12 + month − 1, see monthIndex). No I/O.
 */
import { exponentialOne, percentileInterval, seededRandom } from './bootstrap.js';

/** Per-customer rows as the SQL aggregates them; active months in CSR form (no object per row). */
export interface CustomerMonths {
  customers: number;
  /** Month index of joining the private domain; −1 when never joined. */
  joinMonth: ArrayLike<number>;
  /** Month index of the first counted order. */
  acquisitionMonth: ArrayLike<number>;
  /** First channel as a small integer code (the caller keeps the names). */
  firstChannel: ArrayLike<number>;
  /** Customer i's active months are rows start[i] … start[i + 1] − 1, ascending by month. */
  start: ArrayLike<number>;
  month: ArrayLike<number>;
  orders: ArrayLike<number>;
  gmv: ArrayLike<number>;
  grossProfit: ArrayLike<number>;
}

export interface IncrementalityOptions {
  /** Months after the join month that are compared (default 6). */
  months?: number;
  /** First month index with no complete data: every post window must end before it. */
  endMonth: number;
  /** Pre-period length for the buckets and the difference in differences (default 12). */
  preMonths?: number;
  /** At most this many controls per stratum, sampled at random (seeded; default 20). */
  controlsPerStratum?: number;
  /** Bootstrap replicates (default 200). */
  draws?: number;
  /** Interval level (default 0.9). */
  level?: number;
  seed?: number;
}

export interface Interval {
  estimate: number;
  low: number | null;
  high: number | null;
}

export interface Outcomes<T> {
  orders: T;
  gmv: T;
  grossProfit: T;
}

export interface BalanceRow {
  variable: 'pre_orders' | 'pre_gmv' | 'pre_gross_profit' | 'recency_months' | 'tenure_months';
  /** Mean over matched members. */
  members: number;
  /** Mean over their controls, each weighted n_members / n_controls of its stratum. */
  matchedControls: number;
  /** Mean over every eligible non-member, cohorts weighted by their members (before matching). */
  allNonMembers: number;
  /** (members − matched controls) / pooled standard deviation; |x| < 0.1 is the usual bar. */
  standardizedDifference: number | null;
}

export interface IncrementalityResult {
  months: number;
  preMonths: number;
  /** Join months analysed (post window complete), as month indices. */
  cohorts: number[];
  joiners: {
    /** Joined in an analysed month with an order before the join month. */
    eligible: number;
    matched: number;
    /** Eligible joiners whose stratum had fewer than two controls. */
    unmatched: number;
    /** Joined in an analysed month but without an order before it (not comparable). */
    withoutHistory: number;
  };
  strata: number;
  controls: number;
  /** Difference-in-differences lift per matched member over the N months. */
  perMember: Outcomes<Interval>;
  /** perMember × matched members. */
  total: Outcomes<Interval>;
  /** Members' mean after − non-members' mean after, same windows, no matching, no pre-period. */
  naive: Outcomes<Interval>;
  naiveTotal: Outcomes<Interval>;
  balance: BalanceRow[];
  draws: number;
  level: number;
  seed: number;
}

export const INCREMENTALITY_DEFAULTS = {
  months: 6,
  preMonths: 12,
  controlsPerStratum: 20,
  draws: 200,
  level: 0.9,
  seed: 1,
} as const;

/** 'YYYY-MM…' → year × 12 + month − 1. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** month index → 'YYYY-MM'. */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** A stratum needs two controls: one gives no measure of its own noise. */
const MIN_CONTROLS = 2;
const RECENCY_BUCKETS = 5;
const FREQUENCY_BUCKETS = 5;
const MONETARY_BUCKETS = 4;

/** Months since the last active month: 1 | 2–3 | 4–6 | 7–12 | 13+. */
function recencyBucket(monthsSince: number): number {
  if (monthsSince <= 1) return 0;
  if (monthsSince <= 3) return 1;
  if (monthsSince <= 6) return 2;
  if (monthsSince <= 12) return 3;
  return 4;
}

/** Orders in the pre-period: 0 | 1 | 2 | 3–4 | 5+. */
function frequencyBucket(orders: number): number {
  if (orders <= 0) return 0;
  if (orders <= 2) return orders;
  if (orders <= 4) return 3;
  return 4;
}

/** Pre-period GMV: 0, then tertiles of the eligible members' positive values. */
function monetaryBucket(gmv: number, edges: readonly [number, number]): number {
  if (gmv <= 0) return 0;
  if (gmv < edges[0]) return 1;
  if (gmv < edges[1]) return 2;
  return 3;
}

/** One customer's pre- and post-period sums around cohort month m. */
interface Window {
  preOrders: number;
  preGmv: number;
  preGrossProfit: number;
  postOrders: number;
  postGmv: number;
  postGrossProfit: number;
  /** Months since the last active month before m (Infinity when none). */
  recency: number;
}

function windowOf(
  data: CustomerMonths,
  i: number,
  m: number,
  pre: number,
  post: number,
  out: Window,
): Window {
  out.preOrders = out.preGmv = out.preGrossProfit = 0;
  out.postOrders = out.postGmv = out.postGrossProfit = 0;
  out.recency = Infinity;
  const end = data.start[i + 1]!;
  for (let r = data.start[i]!; r < end; r++) {
    const month = data.month[r]!;
    if (month < m) {
      out.recency = m - month;
      if (month >= m - pre) {
        out.preOrders += data.orders[r]!;
        out.preGmv += data.gmv[r]!;
        out.preGrossProfit += data.grossProfit[r]!;
      }
    } else if (month > m && month <= m + post) {
      out.postOrders += data.orders[r]!;
      out.postGmv += data.gmv[r]!;
      out.postGrossProfit += data.grossProfit[r]!;
    }
  }
  return out;
}

const newWindow = (): Window => ({
  preOrders: 0,
  preGmv: 0,
  preGrossProfit: 0,
  postOrders: 0,
  postGmv: 0,
  postGrossProfit: 0,
  recency: Infinity,
});

/**
 * The difference of one customer around m: after − N × (own pre-period monthly rate), the
 * pre-period counted from the acquisition month at most `pre` months back. Members and their
 * controls share the acquisition month, so the exposure is the same on both sides.
 */
function differences(w: Window, exposure: number, post: number, out: Float64Array, at: number) {
  const scale = post / exposure;
  out[at] = w.postOrders - scale * w.preOrders;
  out[at + 1] = w.postGmv - scale * w.preGmv;
  out[at + 2] = w.postGrossProfit - scale * w.preGrossProfit;
}

/** A growable Float64Array of fixed-width records. */
class Records {
  data: Float64Array;
  length = 0;
  constructor(readonly width: number) {
    this.data = new Float64Array(width * 1024);
  }
  push(): number {
    if ((this.length + 1) * this.width > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    return this.length++ * this.width;
  }
}

// Treated record: customer, stratum, d(orders, gmv, gp), pre(orders, gmv, gp), recency, tenure.
const T_WIDTH = 10;
// Balance variables in record order (pre orders … tenure), offset 5 in a treated record.
const BALANCE_VARIABLES: BalanceRow['variable'][] = [
  'pre_orders',
  'pre_gmv',
  'pre_gross_profit',
  'recency_months',
  'tenure_months',
];

function interval(estimate: number, low: number | null, high: number | null): Interval {
  return { estimate, low, high };
}

/**
 * The matched, stacked difference-in-differences estimate with bootstrap intervals, the naive
 * comparison beside it and the balance table. Throws on inconsistent options only; a data set
 * with no eligible joiner gives zero members and NaN-free zeros with null intervals.
 */
export function estimateIncrementality(
  data: CustomerMonths,
  options: IncrementalityOptions,
): IncrementalityResult {
  const post = options.months ?? INCREMENTALITY_DEFAULTS.months;
  const pre = options.preMonths ?? INCREMENTALITY_DEFAULTS.preMonths;
  const cap = options.controlsPerStratum ?? INCREMENTALITY_DEFAULTS.controlsPerStratum;
  const draws = options.draws ?? INCREMENTALITY_DEFAULTS.draws;
  const level = options.level ?? INCREMENTALITY_DEFAULTS.level;
  const seed = options.seed ?? INCREMENTALITY_DEFAULTS.seed;
  if (!Number.isInteger(post) || post < 1) throw new RangeError('months must be an integer ≥ 1');
  if (!Number.isInteger(pre) || pre < 1) throw new RangeError('preMonths must be an integer ≥ 1');
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError('controlsPerStratum must be ≥ 1');
  if (!(level > 0 && level < 1)) throw new RangeError('level must be in (0, 1)');
  const n = data.customers;
  // The last join month whose post window m+1 … m+N ends before endMonth.
  const lastCohort = options.endMonth - post - 1;

  let minMonth = Infinity;
  for (let i = 0; i < n; i++) minMonth = Math.min(minMonth, data.acquisitionMonth[i]!);
  if (!Number.isFinite(minMonth)) minMonth = 0;
  const span = Math.max(1, options.endMonth - minMonth + 1);
  let channels = 1;
  for (let i = 0; i < n; i++) channels = Math.max(channels, data.firstChannel[i]! + 1);

  // Pass 1: eligible members, and the monetary tertiles of their pre-period GMV.
  const w = newWindow();
  const eligible: number[] = [];
  let withoutHistory = 0;
  const positiveGmv: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = data.joinMonth[i]!;
    if (m < 0 || m > lastCohort) continue;
    if (data.acquisitionMonth[i]! >= m) {
      withoutHistory += 1;
      continue;
    }
    eligible.push(i);
    windowOf(data, i, m, pre, post, w);
    if (w.preGmv > 0) positiveGmv.push(w.preGmv);
  }
  positiveGmv.sort((a, b) => a - b);
  const edges: [number, number] = [
    positiveGmv[Math.floor(positiveGmv.length / 3)] ?? 0,
    positiveGmv[Math.floor((2 * positiveGmv.length) / 3)] ?? 0,
  ];

  const keyOf = (m: number, i: number, win: Window): number => {
    const acq = data.acquisitionMonth[i]! - minMonth;
    let key = (m - minMonth) * span + acq;
    key = key * channels + data.firstChannel[i]!;
    key = key * RECENCY_BUCKETS + recencyBucket(win.recency);
    key = key * FREQUENCY_BUCKETS + frequencyBucket(win.preOrders);
    return key * MONETARY_BUCKETS + monetaryBucket(win.preGmv, edges);
  };
  const exposureOf = (m: number, i: number) => Math.min(pre, m - data.acquisitionMonth[i]!);

  // Pass 2: members' records and strata; cohort sizes and post means for the naive comparison.
  const strata = new Map<number, number>();
  const treated = new Records(T_WIDTH);
  const cohortMembers = new Map<number, number>();
  const naiveMember = new Map<number, [number, number, number]>();
  for (const i of eligible) {
    const m = data.joinMonth[i]!;
    windowOf(data, i, m, pre, post, w);
    const key = keyOf(m, i, w);
    let s = strata.get(key);
    if (s === undefined) {
      s = strata.size;
      strata.set(key, s);
    }
    const at = treated.push();
    const t = treated.data;
    t[at] = i;
    t[at + 1] = s;
    const d = new Float64Array(3);
    differences(w, exposureOf(m, i), post, d, 0);
    t.set(d, at + 2);
    t[at + 5] = w.preOrders;
    t[at + 6] = w.preGmv;
    t[at + 7] = w.preGrossProfit;
    t[at + 8] = Math.min(w.recency, pre + 1);
    t[at + 9] = m - data.acquisitionMonth[i]!;
    cohortMembers.set(m, (cohortMembers.get(m) ?? 0) + 1);
    const sums = naiveMember.get(m) ?? [0, 0, 0];
    sums[0] += w.postOrders;
    sums[1] += w.postGmv;
    sums[2] += w.postGrossProfit;
    naiveMember.set(m, sums);
  }
  const strataCount = strata.size;

  // Pass 3: clean controls (not joined through m + N) for every cohort with members. Each stratum
  // keeps a seeded reservoir of at most `cap` controls; every eligible non-member also feeds the
  // naive means and the before-matching balance.
  const rng = seededRandom(seed);
  const seen = new Float64Array(strataCount);
  const reservoir = new Int32Array(strataCount * cap).fill(-1);
  const reservoirMonth = new Int32Array(strataCount * cap);
  const naiveControl = new Map<number, number[]>(); // cohort → [count, post×3, balance×5]
  const cohorts = [...cohortMembers.keys()].sort((a, b) => a - b);
  const firstCohort = cohorts[0] ?? 0;
  const lastMemberCohort = cohorts[cohorts.length - 1] ?? -1;
  for (let i = 0; i < n; i++) {
    const join = data.joinMonth[i]!;
    const from = Math.max(firstCohort, data.acquisitionMonth[i]! + 1);
    const to = join < 0 ? lastMemberCohort : Math.min(lastMemberCohort, join - post - 1);
    for (let m = from; m <= to; m++) {
      if (!cohortMembers.has(m)) continue;
      windowOf(data, i, m, pre, post, w);
      let sums = naiveControl.get(m);
      if (!sums) {
        sums = new Array<number>(9).fill(0);
        naiveControl.set(m, sums);
      }
      sums[0]! += 1;
      sums[1]! += w.postOrders;
      sums[2]! += w.postGmv;
      sums[3]! += w.postGrossProfit;
      sums[4]! += w.preOrders;
      sums[5]! += w.preGmv;
      sums[6]! += w.preGrossProfit;
      sums[7]! += Math.min(w.recency, pre + 1);
      sums[8]! += m - data.acquisitionMonth[i]!;
      const s = strata.get(keyOf(m, i, w));
      if (s === undefined) continue;
      const k = ++seen[s]!;
      let slot = -1;
      if (k <= cap) slot = k - 1;
      else {
        const j = Math.floor(rng() * k);
        if (j < cap) slot = j;
      }
      if (slot >= 0) {
        reservoir[s * cap + slot] = i;
        reservoirMonth[s * cap + slot] = m;
      }
    }
  }

  // Controls' records: customer, stratum, differences ×3, pre ×3, recency, tenure.
  const controls = new Records(T_WIDTH);
  for (let s = 0; s < strataCount; s++) {
    for (let slot = 0; slot < cap; slot++) {
      const i = reservoir[s * cap + slot]!;
      if (i < 0) break;
      const m = reservoirMonth[s * cap + slot]!;
      windowOf(data, i, m, pre, post, w);
      const at = controls.push();
      const c = controls.data;
      c[at] = i;
      c[at + 1] = s;
      const d = new Float64Array(3);
      differences(w, exposureOf(m, i), post, d, 0);
      c.set(d, at + 2);
      c[at + 5] = w.preOrders;
      c[at + 6] = w.preGmv;
      c[at + 7] = w.preGrossProfit;
      c[at + 8] = Math.min(w.recency, pre + 1);
      c[at + 9] = m - data.acquisitionMonth[i]!;
    }
  }

  // Distinct customers among members and sampled controls: one bootstrap weight each.
  const compact = new Int32Array(n).fill(-1);
  let distinct = 0;
  const tIndex = new Int32Array(treated.length);
  const cIndex = new Int32Array(controls.length);
  for (let r = 0; r < treated.length; r++) {
    const i = treated.data[r * T_WIDTH]!;
    if (compact[i]! < 0) compact[i] = distinct++;
    tIndex[r] = compact[i]!;
  }
  for (let r = 0; r < controls.length; r++) {
    const i = controls.data[r * T_WIDTH]!;
    if (compact[i]! < 0) compact[i] = distinct++;
    cIndex[r] = compact[i]!;
  }

  /** ATT of the three outcomes under customer weights (all 1 for the point estimate). */
  const controlSum = new Float64Array(strataCount * 4);
  const controlCount = new Int32Array(strataCount);
  for (let r = 0; r < controls.length; r++) controlCount[controls.data[r * T_WIDTH + 1]!]! += 1;
  // A Bayesian-bootstrap mean of n values varies (n − 1)/(n + 1) times as much as the mean
  // itself: each stratum's control mean is spread back by the inverse around the point value.
  const spread = Float64Array.from(controlCount, (c) =>
    c >= 2 ? Math.sqrt((c + 1) / (c - 1)) : 0,
  );
  const pointMean = new Float64Array(strataCount * 3);
  const stratumMean = new Float64Array(strataCount * 3);
  const usableStratum = new Uint8Array(strataCount);
  /** ATT under customer weights (null: all 1, the point estimate). */
  const att = (
    weights: Float64Array | null,
    replicate = false,
  ): { values: number[]; matched: number } => {
    controlSum.fill(0);
    const c = controls.data;
    for (let r = 0; r < controls.length; r++) {
      const wt = weights === null ? 1 : weights[cIndex[r]!]!;
      if (wt === 0) continue;
      const at = r * T_WIDTH;
      const s = c[at + 1]! * 4;
      controlSum[s]! += wt;
      controlSum[s + 1]! += wt * c[at + 2]!;
      controlSum[s + 2]! += wt * c[at + 3]!;
      controlSum[s + 3]! += wt * c[at + 4]!;
    }
    for (let s = 0; s < strataCount; s++) {
      const cw = controlSum[s * 4]!;
      usableStratum[s] = cw === 0 || controlCount[s]! < MIN_CONTROLS ? 0 : 1;
      if (usableStratum[s] === 0) continue;
      for (let k = 0; k < 3; k++) {
        let mean = controlSum[s * 4 + 1 + k]! / cw;
        if (replicate) mean = pointMean[s * 3 + k]! + spread[s]! * (mean - pointMean[s * 3 + k]!);
        stratumMean[s * 3 + k] = mean;
      }
    }
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let weightSum = 0;
    let matched = 0;
    const t = treated.data;
    for (let r = 0; r < treated.length; r++) {
      const at = r * T_WIDTH;
      const s = t[at + 1]!;
      if (usableStratum[s] === 0) continue;
      matched += 1;
      const wt = weights === null ? 1 : weights[tIndex[r]!]!;
      if (wt === 0) continue;
      weightSum += wt;
      s0 += wt * (t[at + 2]! - stratumMean[s * 3]!);
      s1 += wt * (t[at + 3]! - stratumMean[s * 3 + 1]!);
      s2 += wt * (t[at + 4]! - stratumMean[s * 3 + 2]!);
    }
    return {
      values: [s0, s1, s2].map((v) => (weightSum > 0 ? v / weightSum : Number.NaN)),
      matched,
    };
  };

  const point = att(null);
  const matched = point.matched;
  for (let st = 0; st < strataCount; st++) {
    const cw = controlSum[st * 4]!;
    for (let k = 0; k < 3; k++)
      pointMean[st * 3 + k] = cw > 0 ? controlSum[st * 4 + 1 + k]! / cw : 0;
  }
  const replicates = [new Float64Array(draws), new Float64Array(draws), new Float64Array(draws)];
  let usable = 0;
  if (matched > 0) {
    // Bayesian bootstrap (Rubin 1981): every customer one Exp(1) weight, shared by all its
    // appearances. Unlike 0/1/2… resampling no weight is ever zero, so no stratum loses its
    // controls in a replicate (that alone made the Poisson bootstrap's interval ~20 % too wide).
    const boot = seededRandom(seed ^ 0x5bd1e995);
    const weights = new Float64Array(distinct);
    for (let b = 0; b < draws; b++) {
      for (let u = 0; u < distinct; u++) weights[u] = exponentialOne(boot());
      const { values } = att(weights, true);
      if (values.some((v) => Number.isNaN(v))) continue;
      for (let k = 0; k < 3; k++) replicates[k]![usable] = values[k]!;
      usable += 1;
    }
  }
  const perMemberAt = (k: number): Interval => {
    if (matched === 0) return interval(0, null, null);
    if (usable < 2) return interval(point.values[k]!, null, null);
    const { low, high } = percentileInterval(replicates[k]!.subarray(0, usable), level);
    return interval(point.values[k]!, low, high);
  };
  const perMember: Outcomes<Interval> = {
    orders: perMemberAt(0),
    gmv: perMemberAt(1),
    grossProfit: perMemberAt(2),
  };
  const scaled = (x: Interval, by: number): Interval =>
    interval(
      x.estimate * by,
      x.low === null ? null : x.low * by,
      x.high === null ? null : x.high * by,
    );
  const total: Outcomes<Interval> = {
    orders: scaled(perMember.orders, matched),
    gmv: scaled(perMember.gmv, matched),
    grossProfit: scaled(perMember.grossProfit, matched),
  };

  // Naive: per cohort, members' post mean − non-members' post mean; cohorts weighted by members.
  const naiveSums = [0, 0, 0];
  let naiveWeight = 0;
  for (const m of cohorts) {
    const members = cohortMembers.get(m)!;
    const c = naiveControl.get(m);
    if (!c || c[0]! === 0) continue;
    const t = naiveMember.get(m)!;
    naiveWeight += members;
    for (let k = 0; k < 3; k++) naiveSums[k]! += t[k]! - (members * c[1 + k]!) / c[0]!;
  }
  const naiveAt = (k: number) =>
    interval(naiveWeight > 0 ? naiveSums[k]! / naiveWeight : 0, null, null);
  const naive: Outcomes<Interval> = {
    orders: naiveAt(0),
    gmv: naiveAt(1),
    grossProfit: naiveAt(2),
  };
  const naiveTotal: Outcomes<Interval> = {
    orders: scaled(naive.orders, matched),
    gmv: scaled(naive.gmv, matched),
    grossProfit: scaled(naive.grossProfit, matched),
  };

  const balance = balanceTable(
    treated,
    controls,
    controlSum,
    cohorts,
    cohortMembers,
    naiveControl,
    att,
    controlCount,
  );

  return {
    months: post,
    preMonths: pre,
    cohorts,
    joiners: {
      eligible: eligible.length,
      matched,
      unmatched: eligible.length - matched,
      withoutHistory,
    },
    strata: strataCount,
    controls: controls.length,
    perMember,
    total,
    naive,
    naiveTotal,
    balance,
    draws: usable,
    level,
    seed,
  };
}

function balanceTable(
  treated: Records,
  controls: Records,
  controlSum: Float64Array,
  cohorts: number[],
  cohortMembers: Map<number, number>,
  naiveControl: Map<number, number[]>,
  att: (weights: null) => unknown,
  controlCounts: Int32Array,
): BalanceRow[] {
  att(null); // leaves the point estimate's per-stratum control weights in controlSum
  const strata = controlSum.length / 4;
  const membersIn = new Float64Array(strata);
  for (let r = 0; r < treated.length; r++) {
    const s = treated.data[r * T_WIDTH + 1]!;
    if (controlSum[s * 4]! > 0 && controlCounts[s]! >= MIN_CONTROLS) membersIn[s]! += 1;
  }
  const rows: BalanceRow[] = [];
  for (let v = 0; v < BALANCE_VARIABLES.length; v++) {
    const col = 5 + v;
    let tSum = 0;
    let tSq = 0;
    let tN = 0;
    for (let r = 0; r < treated.length; r++) {
      const at = r * T_WIDTH;
      if (membersIn[treated.data[at + 1]!]! === 0) continue;
      const x = treated.data[at + col]!;
      tSum += x;
      tSq += x * x;
      tN += 1;
    }
    let cSum = 0;
    let cSq = 0;
    let cW = 0;
    for (let r = 0; r < controls.length; r++) {
      const at = r * T_WIDTH;
      const s = controls.data[at + 1]!;
      if (membersIn[s]! === 0) continue;
      const wt = membersIn[s]! / controlSum[s * 4]!;
      const x = controls.data[at + col]!;
      cSum += wt * x;
      cSq += wt * x * x;
      cW += wt;
    }
    let allSum = 0;
    let allW = 0;
    for (const m of cohorts) {
      const c = naiveControl.get(m);
      if (!c || c[0]! === 0) continue;
      const members = cohortMembers.get(m)!;
      allSum += (members * c[4 + v]!) / c[0]!;
      allW += members;
    }
    const tMean = tN > 0 ? tSum / tN : 0;
    const cMean = cW > 0 ? cSum / cW : 0;
    const tVar = tN > 0 ? tSq / tN - tMean * tMean : 0;
    const cVar = cW > 0 ? cSq / cW - cMean * cMean : 0;
    const pooled = Math.sqrt(Math.max(0, (tVar + cVar) / 2));
    rows.push({
      variable: BALANCE_VARIABLES[v]!,
      members: tMean,
      matchedControls: cMean,
      allNonMembers: allW > 0 ? allSum / allW : 0,
      standardizedDifference: pooled > 0 ? (tMean - cMean) / pooled : tN > 0 ? 0 : null,
    });
  }
  return rows;
}

/**
 * Incremental ROI = incremental gross profit of the matched members ÷ private costs over the
 * months their post windows cover (same unit as gmv), beside the naive ROI from the naive gap;
 * null without costs.
 */
export function incrementalRoi(
  result: Pick<IncrementalityResult, 'total' | 'naiveTotal'>,
  privateCost: number,
): { incremental: Interval; naive: Interval } | null {
  if (!(privateCost > 0)) return null;
  const by = (x: Interval): Interval => ({
    estimate: x.estimate / privateCost,
    low: x.low === null ? null : x.low / privateCost,
    high: x.high === null ? null : x.high / privateCost,
  });
  return { incremental: by(result.total.grossProfit), naive: by(result.naiveTotal.grossProfit) };
}

/** Builds CustomerMonths from one object per customer (tests, small data). */
export function customerMonthsOf(
  rows: readonly {
    joinMonth: number | null;
    acquisitionMonth: number;
    firstChannel: number;
    activity: readonly { month: number; orders: number; gmv: number; grossProfit: number }[];
  }[],
): CustomerMonths {
  const n = rows.length;
  let total = 0;
  for (const r of rows) total += r.activity.length;
  const out = {
    customers: n,
    joinMonth: new Int32Array(n),
    acquisitionMonth: new Int32Array(n),
    firstChannel: new Int32Array(n),
    start: new Int32Array(n + 1),
    month: new Int32Array(total),
    orders: new Float64Array(total),
    gmv: new Float64Array(total),
    grossProfit: new Float64Array(total),
  };
  let at = 0;
  rows.forEach((r, i) => {
    out.joinMonth[i] = r.joinMonth ?? -1;
    out.acquisitionMonth[i] = r.acquisitionMonth;
    out.firstChannel[i] = r.firstChannel;
    out.start[i] = at;
    const sorted = [...r.activity].sort((a, b) => a.month - b.month);
    for (const a of sorted) {
      out.month[at] = a.month;
      out.orders[at] = a.orders;
      out.gmv[at] = a.gmv;
      out.grossProfit[at] = a.grossProfit;
      at += 1;
    }
  });
  out.start[n] = at;
  return out;
}

/** Which ROI a CFO should read, and why (zh-CN and English). */
export const INCREMENTAL_ROI_SENTENCE = {
  'zh-CN':
    'CFO 应看增量 ROI：朴素 ROI 把忠诚客户本来就会产生的消费也算作私域的功劳；增量 ROI 只计入群客户比条件相同、尚未入群的客户多出的毛利，才是这笔私域投入真正换来的回报。',
  en: 'A CFO should use the incremental ROI: the naive ROI credits the private domain with what loyal customers would have bought anyway, while the incremental ROI counts only the gross profit members added over matched customers who had not joined — the return the private-domain spend actually bought.',
} as const;
