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
 * The ids whose value is at or above the ⌈share × n⌉-th largest value, and above zero.
 * Ties at the threshold are all included.
 */
export function topByShare(values: ReadonlyMap<string, number>, share: number): Set<string> {
  const count = topCount(share, values.size);
  const top = new Set<string>();
  if (count === 0) return top;
  const sorted = [...values.values()].sort((a, b) => b - a);
  const threshold = sorted[count - 1]!;
  for (const [id, v] of values) if (v >= threshold && v > 0) top.add(id);
  return top;
}

export function assignTiers(input: AssignTiersInput): Map<string, Tier> {
  const s: TierSettings = { ...DEFAULT_TIER_SETTINGS, ...input.settings };
  const lookback: DateWindow = { from: addDays(input.asOf, -s.lookbackDays), to: input.asOf };
  const recent: DateWindow = { from: addDays(input.asOf, -s.recentDays), to: input.asOf };

  const monetary = new Map<string, number>();
  const frequency = new Map<string, number>();
  const recentBuyers = new Set<string>();
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    if (inWindow(o.localDate, lookback)) {
      monetary.set(o.customerId, (monetary.get(o.customerId) ?? 0) + o.amountFen);
      frequency.set(o.customerId, (frequency.get(o.customerId) ?? 0) + 1);
    }
    if (inWindow(o.localDate, recent)) recentBuyers.add(o.customerId);
  }
  const topMonetary = topByShare(monetary, s.topMonetaryShare);
  const predicted = new Map<string, number>();
  for (const [id, v] of input.predictedLtv ?? []) if (Number.isFinite(v)) predicted.set(id, v);
  const topPredicted = topByShare(predicted, s.topPredictedShare);

  const ids = new Set<string>(input.customers.map((c) => c.id));
  for (const o of input.orders) ids.add(o.customerId);
  const tiers = new Map<string, Tier>();
  for (const id of [...ids].sort()) {
    if (topMonetary.has(id) && (frequency.get(id) ?? 0) >= s.minOrdersHighValue) {
      tiers.set(id, 'high_value');
    } else if (recentBuyers.has(id) || topPredicted.has(id)) {
      tiers.set(id, 'potential');
    } else {
      tiers.set(id, 'ordinary');
    }
  }
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

/**
 * Tier sizes and GMV share in a window. Only orders of customers in `tiers` count (the shares
 * then sum to 1); cancelled orders never count.
 */
export function tierSummary(input: {
  tiers: ReadonlyMap<string, Tier>;
  orders: readonly OrderRecord[];
  window: DateWindow;
}): TierSummaryRow[] {
  const counts: Record<Tier, number> = { high_value: 0, potential: 0, ordinary: 0 };
  const gmv: Record<Tier, number> = { high_value: 0, potential: 0, ordinary: 0 };
  for (const tier of input.tiers.values()) counts[tier] += 1;
  let totalGmv = 0;
  for (const o of input.orders) {
    if (!isCountedOrder(o) || !inWindow(o.localDate, input.window)) continue;
    const tier = input.tiers.get(o.customerId);
    if (tier === undefined) continue;
    gmv[tier] += o.amountFen;
    totalGmv += o.amountFen;
  }
  return TIERS.map((tier) => ({
    tier,
    customers: counts[tier],
    customerShare: ratio(counts[tier], input.tiers.size, 'no tiered customers'),
    gmv: figure(gmv[tier]),
    gmvShare: ratio(gmv[tier], totalGmv, 'no GMV in window'),
  }));
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

/** How customers moved between two tier assignments (e.g. last week's and this week's). */
export function tierMovement(
  previous: ReadonlyMap<string, Tier>,
  current: ReadonlyMap<string, Tier>,
): TierMovement {
  const row = (): Record<TierTo, number> => ({
    high_value: 0,
    potential: 0,
    ordinary: 0,
    gone: 0,
  });
  const matrix: Record<TierFrom, Record<TierTo, number>> = {
    high_value: row(),
    potential: row(),
    ordinary: row(),
    new: row(),
  };
  let moved = 0;
  let unchanged = 0;
  for (const [id, to] of current) {
    const from = previous.get(id) ?? 'new';
    matrix[from][to] += 1;
    if (from === to) unchanged += 1;
    else moved += 1;
  }
  for (const [id, from] of previous) {
    if (!current.has(id)) {
      matrix[from].gone += 1;
      moved += 1;
    }
  }
  return { matrix, moved, unchanged };
}
