/**
 * Small order facts shared by the reference functions: which orders count, each customer's
 * first-ever order, and money × rate rounded to whole fen exactly as Postgres `round(numeric)`.
 */
import type { OrderRecord } from './records.js';

/** Cancelled orders never count, anywhere (METRICS.md "Words"). */
export function isCountedOrder(order: Pick<OrderRecord, 'status'>): boolean {
  return order.status !== 'cancelled';
}

/** Orders compared by (orderedAt, id); ids compare by UTF-16 code unit (SQL `COLLATE "C"`). */
export function compareOrdersChronologically(
  a: Pick<OrderRecord, 'orderedAt' | 'id'>,
  b: Pick<OrderRecord, 'orderedAt' | 'id'>,
): number {
  const dt = a.orderedAt.getTime() - b.orderedAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Each customer's first-ever counted order over all the orders given (pass the full history,
 * not a window): the earliest non-cancelled order by orderedAt, equal instants broken by the
 * smaller order id. Returns customerId → that order.
 */
export function firstEverOrders(orders: readonly OrderRecord[]): Map<string, OrderRecord> {
  const first = new Map<string, OrderRecord>();
  for (const o of orders) {
    if (!isCountedOrder(o)) continue;
    const current = first.get(o.customerId);
    if (!current || compareOrdersChronologically(o, current) < 0) first.set(o.customerId, o);
  }
  return first;
}

const RATE_SCALE = 1_000_000n;

/**
 * amountFen × rate rounded to a whole fen, half away from zero (Postgres `round(numeric)`).
 * The rate is taken to 6 decimals (0.05 → 50000 / 1e6), so the product is exact integer
 * arithmetic: no float error can move a half-fen.
 */
export function multiplyFenByRate(amountFen: number, rate: number): number {
  if (!Number.isInteger(amountFen)) throw new RangeError(`amount must be whole fen: ${amountFen}`);
  if (!Number.isFinite(rate)) throw new RangeError(`rate must be finite: ${rate}`);
  const product = BigInt(amountFen) * BigInt(Math.round(rate * 1_000_000));
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + RATE_SCALE / 2n) / RATE_SCALE;
  return Number(negative ? -rounded : rounded);
}

/** An order's gross profit: the given figure, else amount × default margin rounded per order. */
export function orderGrossProfitFen(
  order: Pick<OrderRecord, 'amountFen' | 'grossProfitFen'>,
  defaultMargin: number,
): number {
  return order.grossProfitFen ?? multiplyFenByRate(order.amountFen, defaultMargin);
}
