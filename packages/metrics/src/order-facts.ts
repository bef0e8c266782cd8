/**
 * Small order facts shared by the reference functions: which orders count, each customer's
 * first-ever order, and an order's gross profit. Money × rate is money.ts `applyRate`: exact,
 * halves away from zero, as Postgres `round(numeric)`.
 */
import { applyRate } from './money.js';
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

/**
 * An order's gross profit: the given figure, else amount × default margin rounded to whole fen per
 * order (half away from zero). SQL: `coalesce(gross_profit, round(amount * $margin))` per order.
 */
export function orderGrossProfitFen(
  order: Pick<OrderRecord, 'amountFen' | 'grossProfitFen'>,
  defaultMargin: number,
): number {
  return order.grossProfitFen ?? applyRate(order.amountFen, defaultMargin);
}
