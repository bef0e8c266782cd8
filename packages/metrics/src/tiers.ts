/**
 * METRICS.md §7, value tiers, as of a local date D (the tiers at the start of D: D itself is not
 * looked at, like the `to` of a window).
 *
 * - Lookback window [D − lookbackDays, D) and recent window [D − recentDays, D), local dates.
 *   Only counted (non-cancelled) orders; returned orders count, as in gmv.
 * - monetary = Σ amount in the lookback; frequency = orders in the lookback.
 * - "Top share of monetary": among the n customers with ≥ 1 counted order in the lookback, take
 *   the ⌈share × n⌉-th largest monetary (share read as an exact decimal) as the threshold; every
 *   such customer with monetary ≥ threshold and monetary > 0 is in the top. Ties at the threshold
 *   are all in, so the top can exceed the share; the result never depends on ids or input order.
 *   SQL: the threshold is the value at `row_number() over (order by monetary desc) = ceil(s·n)`.
 * - high_value = in the top and frequency ≥ minOrdersHighValue.
 * - potential = not high_value, and (≥ 1 counted order in the recent window, or predicted LTV in
 *   the top topPredictedShare of all finite values in `predictedLtv`, by the same threshold rule).
 * - ordinary = everyone else.
 * - Customers tiered: everyone in `customers` plus any customer id seen in `orders`.
 *
 * The rule lives once, in `tierCodes`, over per-customer facts (lookback monetary and order count,
 * recent yes/no, prediction) in typed arrays; `assignTiers` derives those facts from orders and
 * calls it, and so does the API from one read-model row per customer. `tierSummaryFromTotals` and
 * `tierMovementOfCodes` are the summary and movement over per-tier totals and tier codes.
 */
import { decimalOf } from './decimal.js';
import { isCountedOrder } from './order-facts.js';
import type { CustomerRecord, DateWindow, OrderRecord } from './records.js';
import { figure, ratio, type Evidence } from './evidence.js';
import { addDays, inWindow } from './time.js';

export const TIERS = ['high_value', 'potential', 'ordinary'] as const;
export type Tier = (typeof TIERS)[number];

export interface TierSettings {
  topMonetaryShare: number;
  minOrdersHighValue: number;
  recentDays: number;
  topPredictedShare: number;
  lookbackDays: number;
}

export const DEFAULT_TIER_SETTINGS: Readonly<TierSettings> = {
  topMonetaryShare: 0.2,
  minOrdersHighValue: 2,
  recentDays: 90,
  topPredictedShare: 0.4,
  lookbackDays: 365,
};

export interface AssignTiersInput {
  customers: readonly CustomerRecord[];
  orders: readonly OrderRecord[];
  /** Local date 'YYYY-MM-DD'; the windows end just before it. */
  asOf: string;
  /** Unused (orders carry localDate); accepted for symmetry with the other oracles. */
  timeZone?: string;
  /** customerId → predicted LTV (any unit; only the ranking matters). */
  predictedLtv?: ReadonlyMap<string, number>;
  settings?: Partial<TierSettings>;
}

/** ⌈share × n⌉ with share read as the decimal it prints as (0.2 × 15 = 3, not 4). */
export function topCount(share: number, n: number): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be within [0, 1]: ${share}`);
  const d = decimalOf(share);
  const scale = 10n ** BigInt(d.scale);
  return Number((d.digits * BigInt(n) + scale - 1n) / scale);
}

/**
 * The threshold of a top share: the ⌈share × n⌉-th largest of the n values, or null when that
 * count is 0 (nobody is in the top). Values must be finite. Linear time (selection, no sort);
 * `values` is left as it was.
 */
export function topShareThreshold(values: ArrayLike<number>, share: number): number | null {
  const count = topCount(share, values.length);
  if (count === 0) return null;
  return kthLargest(Float64Array.from(values), count);
}

/** The k-th largest (1-based) of a, which it reorders: iterative quickselect, median of three. */
function kthLargest(a: Float64Array, k: number): number {
  const target = k - 1; // index in descending order
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    // Three-way partition, descending: [lo, lt) > pivot, [lt, gt] = pivot, (gt, hi] < pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v > pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt += 1;
        i += 1;
      } else if (v < pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt -= 1;
      } else {
        i += 1;
      }
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
  return a[lo]!;
}

/** Whether v is in a top share with this threshold (from topShareThreshold). */
function inTop(v: number, threshold: number | null): boolean {
  return threshold !== null && v >= threshold && v > 0;
}

/**
 * The ids whose value is at or above the ⌈share × n⌉-th largest value, and above zero.
 * Ties at the threshold are all included.
 */
export function topByShare(values: ReadonlyMap<string, number>, share: number): Set<string> {
  const threshold = topShareThreshold([...values.values()], share);
  const top = new Set<string>();
  for (const [id, v] of values) if (inTop(v, threshold)) top.add(id);
  return top;
}

/** Position of each tier in TIERS: the codes tierCodes returns. */
export const TIER_CODES: Readonly<Record<Tier, number>> = {
  high_value: 0,
  potential: 1,
  ordinary: 2,
};
/** Code of a customer who is not tiered at a date (tierMovementOfCodes: new / gone). */
export const NOT_TIERED = 3;

/**
 * What the tier rule needs of each customer, one array entry per customer (same index in every
 * array), as of one date. The rule itself, with no orders: the order-based assignTiers and the
 * read model's per-customer rows both end here.
 */
export interface CustomerTierFacts {
  /** Σ amount of the counted orders in the lookback window, fen (0 without any). */
  monetary: ArrayLike<number>;
  /** Counted orders in the lookback window (0: none, and not ranked for monetary). */
  frequency: ArrayLike<number>;
  /** 1 when the customer has ≥ 1 counted order in the recent window, else 0. */
  recent: ArrayLike<number>;
  /** Predicted LTV; a non-finite value (NaN) when there is none. Omitted: nobody has one. */
  predicted?: ArrayLike<number> | undefined;
}

/** METRICS §7 tiers of customers given their facts: one code of TIER_CODES per customer. */
export function tierCodes(facts: CustomerTierFacts, settings?: Partial<TierSettings>): Uint8Array {
  const s: TierSettings = { ...DEFAULT_TIER_SETTINGS, ...settings };
  const n = facts.monetary.length;
  if (facts.frequency.length !== n || facts.recent.length !== n) {
    throw new RangeError('tierCodes: every facts array must have one entry per customer');
  }
  const predicted = facts.predicted;
  if (predicted !== undefined && predicted.length !== n) {
    throw new RangeError('tierCodes: every facts array must have one entry per customer');
  }
  // Ranked for monetary: the customers with a counted order in the lookback.
  let buyers = 0;
  for (let i = 0; i < n; i++) if (facts.frequency[i]! > 0) buyers += 1;
  const spend = new Float64Array(buyers);
  for (let i = 0, j = 0; i < n; i++) if (facts.frequency[i]! > 0) spend[j++] = facts.monetary[i]!;
  const monetaryThreshold = topShareThreshold(spend, s.topMonetaryShare);
  // Ranked for predicted LTV: every finite prediction.
  let predictedThreshold: number | null = null;
  if (predicted !== undefined) {
    let finite = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(predicted[i]!)) finite += 1;
    const values = new Float64Array(finite);
    for (let i = 0, j = 0; i < n; i++) {
      if (Number.isFinite(predicted[i]!)) values[j++] = predicted[i]!;
    }
    predictedThreshold = topShareThreshold(values, s.topPredictedShare);
  }
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const frequency = facts.frequency[i]!;
    if (
      frequency > 0 &&
      inTop(facts.monetary[i]!, monetaryThreshold) &&
      frequency >= s.minOrdersHighValue
    ) {
      codes[i] = TIER_CODES.high_value;
    } else if (
      facts.recent[i]! > 0 ||
      (predicted !== undefined &&
        Number.isFinite(predicted[i]!) &&
        inTop(predicted[i]!, predictedThreshold))
    ) {
      codes[i] = TIER_CODES.potential;
    } else {
      codes[i] = TIER_CODES.ordinary;
    }
  }
  return codes;
}

export function assignTiers(input: AssignTiersInput): Map<string, Tier> {
  const s: TierSettings = { ...DEFAULT_TIER_SETTINGS, ...input.settings };
  const lookback: DateWindow = { from: addDays(input.asOf, -s.lookbackDays), to: input.asOf };
  const recent: DateWindow = { from: addDays(input.asOf, -s.recentDays), to: input.asOf };

  const ids = new Set<string>(input.customers.map((c) => c.id));
  for (const o of input.orders) ids.add(o.customerId);
  const tiered = [...ids].sort();
  // Predictions of customers who are not tiered still count in the predicted ranking.
  const all = [...tiered];
  for (const id of input.predictedLtv?.keys() ?? []) if (!ids.has(id)) all.push(id);
  const index = new Map(all.map((id, i) => [id, i]));

  const monetary = new Float64Array(all.length);
  const frequency = new Float64Array(all.length);
  const recentBuyer = new Uint8Array(all.length);
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    const i = index.get(o.customerId)!;
    if (inWindow(o.localDate, lookback)) {
      monetary[i] = monetary[i]! + o.amountFen;
      frequency[i] = frequency[i]! + 1;
    }
    if (inWindow(o.localDate, recent)) recentBuyer[i] = 1;
  }
  let predicted: Float64Array | undefined;
  if (input.predictedLtv !== undefined) {
    predicted = new Float64Array(all.length).fill(Number.NaN);
    for (const [id, v] of input.predictedLtv) predicted[index.get(id)!] = v;
  }
  const codes = tierCodes({ monetary, frequency, recent: recentBuyer, predicted }, s);
  const tiers = new Map<string, Tier>();
  tiered.forEach((id, i) => tiers.set(id, TIERS[codes[i]!]!));
  return tiers;
}

export interface TierSummaryRow {
  tier: Tier;
  customers: number;
  /** Customers in this tier / tiered customers. */
  customerShare: Evidence;
  /** Σ amount of the tier's counted orders in the window, fen. */
  gmv: Evidence;
  /** The tier's window GMV / window GMV of all tiered customers. */
  gmvShare: Evidence;
}

/** Customers and window GMV (fen) per tier: what tierSummary reports on. */
export interface TierTotals {
  customers: Record<Tier, number>;
  gmvFen: Record<Tier, number>;
}

/** Tier sizes and GMV shares from the per-tier totals (the denominators are their sums). */
export function tierSummaryFromTotals(totals: TierTotals): TierSummaryRow[] {
  let customers = 0;
  let gmv = 0;
  for (const tier of TIERS) {
    customers += totals.customers[tier];
    gmv += totals.gmvFen[tier];
  }
  return TIERS.map((tier) => ({
    tier,
    customers: totals.customers[tier],
    customerShare: ratio(totals.customers[tier], customers, 'no tiered customers'),
    gmv: figure(totals.gmvFen[tier]),
    gmvShare: ratio(totals.gmvFen[tier], gmv, 'no GMV in window'),
  }));
}

/**
 * Tier sizes and GMV share in a window. Only orders of customers in `tiers` count (the shares
 * then sum to 1); cancelled orders never count.
 */
export function tierSummary(input: {
  tiers: ReadonlyMap<string, Tier>;
  orders: readonly OrderRecord[];
  window: DateWindow;
}): TierSummaryRow[] {
  const totals: TierTotals = {
    customers: { high_value: 0, potential: 0, ordinary: 0 },
    gmvFen: { high_value: 0, potential: 0, ordinary: 0 },
  };
  for (const tier of input.tiers.values()) totals.customers[tier] += 1;
  for (const o of input.orders) {
    if (!isCountedOrder(o) || !inWindow(o.localDate, input.window)) continue;
    const tier = input.tiers.get(o.customerId);
    if (tier === undefined) continue;
    totals.gmvFen[tier] += o.amountFen;
  }
  return tierSummaryFromTotals(totals);
}

export type TierFrom = Tier | 'new';
export type TierTo = Tier | 'gone';

export interface TierMovement {
  /** matrix[from][to] = customers; 'new' = not tiered before, 'gone' = not tiered now. */
  matrix: Record<TierFrom, Record<TierTo, number>>;
  /** Customers whose tier changed (new and gone included). */
  moved: number;
  unchanged: number;
}

/**
 * How customers moved between two tier assignments given as codes (TIER_CODES, or NOT_TIERED),
 * index i the same customer in both; `alsoOrdinary` more customers were ordinary at both dates.
 */
export function tierMovementOfCodes(
  previous: ArrayLike<number>,
  current: ArrayLike<number>,
  alsoOrdinary = 0,
): TierMovement {
  if (previous.length !== current.length) {
    throw new RangeError('tierMovementOfCodes: both arrays must have one entry per customer');
  }
  // counts[from * 4 + to], from/to a code; NOT_TIERED is 'new' as a from and 'gone' as a to.
  const counts = new Float64Array(16);
  for (let i = 0; i < current.length; i++) {
    const k = previous[i]! * 4 + current[i]!;
    counts[k] = counts[k]! + 1;
  }
  counts[TIER_CODES.ordinary * 5] = counts[TIER_CODES.ordinary * 5]! + alsoOrdinary;
  const row = (from: number): Record<TierTo, number> => ({
    high_value: counts[from * 4 + TIER_CODES.high_value]!,
    potential: counts[from * 4 + TIER_CODES.potential]!,
    ordinary: counts[from * 4 + TIER_CODES.ordinary]!,
    gone: counts[from * 4 + NOT_TIERED]!,
  });
  let unchanged = 0;
  for (const tier of TIERS) unchanged += counts[TIER_CODES[tier] * 5]!;
  let total = 0;
  for (let k = 0; k < 16; k++) if (k !== NOT_TIERED * 5) total += counts[k]!;
  return {
    matrix: {
      high_value: row(TIER_CODES.high_value),
      potential: row(TIER_CODES.potential),
      ordinary: row(TIER_CODES.ordinary),
      new: row(NOT_TIERED),
    },
    moved: total - unchanged,
    unchanged,
  };
}

/** How customers moved between two tier assignments (e.g. last week's and this week's). */
export function tierMovement(
  previous: ReadonlyMap<string, Tier>,
  current: ReadonlyMap<string, Tier>,
): TierMovement {
  const before: number[] = [];
  const after: number[] = [];
  for (const [id, to] of current) {
    const from = previous.get(id);
    before.push(from === undefined ? NOT_TIERED : TIER_CODES[from]);
    after.push(TIER_CODES[to]);
  }
  for (const [id, from] of previous) {
    if (current.has(id)) continue;
    before.push(TIER_CODES[from]);
    after.push(NOT_TIERED);
  }
  return tierMovementOfCodes(before, after);
}
