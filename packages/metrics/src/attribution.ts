/**
 * METRICS.md §4, default order-credit rule, with private share s (default 0.5):
 * - the customer's first-ever order (earliest non-cancelled order over all history, ties by
 *   order id) in a public-domain channel → 100% public;
 * - a first-ever order in a private-domain channel → private = round(amount × s), half away from
 *   zero (money.ts applyRate), public = amount − private; so the two sum to the amount exactly;
 * - any later order by a private member at order time (joinedPrivateAt ≤ orderedAt and not
 *   leftPrivateAt ≤ orderedAt) → 100% private, whatever channel it came through;
 * - any later order by a non-member (or a customer missing from `customers`) → 100% public;
 * - cancelled orders get no credit and are not part of GMV.
 * SQL for a split: `round(amount * s)` private, `amount - round(amount * s)` public.
 * Credited public + private equals the GMV of the same orders exactly (integers).
 */
import { customersById, isPrivateMemberAt } from './customer-group.js';
import { applyRate } from './money.js';
import { firstEverOrders, isCountedOrder } from './order-facts.js';
import type { CustomerRecord, DateWindow, OrderRecord } from './records.js';
import { addDays, addMonths, inWindow, monthOf, weekStartOf } from './time.js';

export const DEFAULT_PRIVATE_SHARE = 0.5;

export type CreditRule =
  'first_public' | 'first_private_split' | 'later_member' | 'later_non_member' | 'cancelled';

export interface OrderCredit {
  publicFen: number;
  privateFen: number;
  rule: CreditRule;
}

export interface CreditedGmv {
  public: number;
  private: number;
  total: number;
}

function checkShare(privateShare: number): void {
  if (!(privateShare >= 0 && privateShare <= 1)) {
    throw new RangeError(`private share must be within [0, 1]: ${privateShare}`);
  }
}

/**
 * Credit of one order. `isFirstEver` says whether it is its customer's first-ever counted order
 * (see firstEverOrders); `customer` is undefined when unknown (then a non-member).
 */
export function creditOrder(
  order: OrderRecord,
  customer: CustomerRecord | undefined,
  isFirstEver: boolean,
  privateShare = DEFAULT_PRIVATE_SHARE,
): OrderCredit {
  checkShare(privateShare);
  const amount = order.amountFen;
  if (!isCountedOrder(order)) return { publicFen: 0, privateFen: 0, rule: 'cancelled' };
  if (isFirstEver) {
    if (order.domain === 'public')
      return { publicFen: amount, privateFen: 0, rule: 'first_public' };
    const privateFen = applyRate(amount, privateShare);
    return { publicFen: amount - privateFen, privateFen, rule: 'first_private_split' };
  }
  if (isPrivateMemberAt(customer, order.orderedAt)) {
    return { publicFen: 0, privateFen: amount, rule: 'later_member' };
  }
  return { publicFen: amount, privateFen: 0, rule: 'later_non_member' };
}

export interface AttributionInput {
  customers: readonly CustomerRecord[];
  /** Full order history (first-ever orders are found over all of it). */
  orders: readonly OrderRecord[];
  /** Only orders whose localDate is in [from, to) are credited; default all. */
  window?: DateWindow;
  /** Default 0.5. */
  privateShare?: number;
  /** Accepted for symmetry with the other oracles; orders carry localDate, so it is not used. */
  timeZone?: string;
}

/** Credit of every counted order in the window, by order id. */
export function orderCredits(input: AttributionInput): Map<string, OrderCredit> {
  const share = input.privateShare ?? DEFAULT_PRIVATE_SHARE;
  checkShare(share);
  const byId = customersById(input.customers);
  const first = firstEverOrders(input.orders);
  const credits = new Map<string, OrderCredit>();
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    if (input.window && !inWindow(o.localDate, input.window)) continue;
    const isFirst = first.get(o.customerId)?.id === o.id;
    credits.set(o.id, creditOrder(o, byId.get(o.customerId), isFirst, share));
  }
  return credits;
}

/** Credited GMV of the window (all history without a window), in fen. */
export function creditedGmv(input: AttributionInput): CreditedGmv {
  const total: CreditedGmv = { public: 0, private: 0, total: 0 };
  for (const c of orderCredits(input).values()) add(total, c);
  return total;
}

export type CreditPeriod = 'month' | 'week';

export interface CreditedGmvInPeriod extends CreditedGmv {
  /** 'YYYY-MM' for months, the Monday 'YYYY-MM-DD' for weeks. */
  period: string;
}

/** The period an order's local date falls in. */
export function periodOf(localDate: string, period: CreditPeriod): string {
  return period === 'month' ? monthOf(localDate) : weekStartOf(localDate);
}

/**
 * Credited GMV over time ("credited GMV by team"): one row per month or Monday-started week,
 * ascending and contiguous (empty periods are zero rows). With a window the rows cover the
 * periods that overlap it (the first and last may be partial: only the window's orders count);
 * without one, from the first to the last period holding a counted order.
 */
export function creditedGmvByPeriod(
  input: AttributionInput & { period: CreditPeriod },
): CreditedGmvInPeriod[] {
  const { period, window } = input;
  const credits = orderCredits(input);
  const rows = new Map<string, CreditedGmvInPeriod>();
  let first: string | null = null;
  let last: string | null = null;
  for (const o of input.orders) {
    const credit = credits.get(o.id);
    if (!credit) continue;
    const p = periodOf(o.localDate, period);
    let row = rows.get(p);
    if (!row) rows.set(p, (row = { period: p, public: 0, private: 0, total: 0 }));
    add(row, credit);
    if (first === null || p < first) first = p;
    if (last === null || p > last) last = p;
  }
  if (window) {
    if (window.from >= window.to) return [];
    first = periodOf(window.from, period);
    last = periodOf(addDays(window.to, -1), period);
  }
  if (first === null || last === null) return [];
  const result: CreditedGmvInPeriod[] = [];
  for (let p = first; p <= last; p = period === 'month' ? addMonths(p, 1) : addDays(p, 7)) {
    result.push(rows.get(p) ?? { period: p, public: 0, private: 0, total: 0 });
  }
  return result;
}

function add(into: CreditedGmv, credit: OrderCredit): void {
  into.public += credit.publicFen;
  into.private += credit.privateFen;
  into.total += credit.publicFen + credit.privateFen;
}

export type OrderKind = 'first' | 'repeat';

export interface CreditedGmvSplit extends CreditedGmvInPeriod {
  channel: string;
  /** The channel's domain as the orders carry it. */
  domain: OrderRecord['domain'];
  /** 'first': the customer's first-ever order (split by the private share when private). */
  order: OrderKind;
}

/**
 * Credited GMV by period, channel and first order vs repurchase (团队业绩 broken down): one row
 * per combination holding a counted order in the window, ordered by period, channel (code-unit
 * order), domain and kind ('first' first). Summed over channels and kinds, a period's row equals
 * creditedGmvByPeriod's.
 */
export function creditedGmvSplit(
  input: AttributionInput & { period: CreditPeriod },
): CreditedGmvSplit[] {
  const credits = orderCredits(input);
  const rows = new Map<string, CreditedGmvSplit>();
  for (const o of input.orders) {
    const credit = credits.get(o.id);
    if (!credit) continue;
    const order: OrderKind =
      credit.rule === 'first_public' || credit.rule === 'first_private_split' ? 'first' : 'repeat';
    const p = periodOf(o.localDate, input.period);
    const key = [p, o.channel, o.domain, order].join('\u0000');
    let row = rows.get(key);
    if (!row) {
      row = {
        period: p,
        channel: o.channel,
        domain: o.domain,
        order,
        public: 0,
        private: 0,
        total: 0,
      };
      rows.set(key, row);
    }
    add(row, credit);
  }
  return [...rows.values()].sort(compareCreditedGmvSplit);
}

/** creditedGmvSplit's row order: period, channel (code-unit order), domain, 'first' before 'repeat'. */
export function compareCreditedGmvSplit(
  a: Omit<CreditedGmvSplit, keyof CreditedGmv>,
  b: Omit<CreditedGmvSplit, keyof CreditedGmv>,
): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    cmp(a.period, b.period) ||
    cmp(a.channel, b.channel) ||
    cmp(a.domain, b.domain) ||
    cmp(a.order, b.order)
  );
}
