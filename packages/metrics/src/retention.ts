/**
 * METRICS.md §2, retention triangle: of the customers whose cohort month is c, the share with
 * ≥ 1 counted (non-cancelled) order in month c + k.
 *
 * - Months are local months in the workspace time zone: an order's month is monthOf(localDate);
 *   a join's month is the month of localDateOf(joinedPrivateAt, timeZone).
 * - `first_order` basis: the cohort is the month of the customer's first-ever non-cancelled order
 *   (earliest orderedAt, ties by order id) over all orders given; customers come from the
 *   orders, so a customer without counted orders is in no cohort. k = 0 is 100% by construction.
 * - `private_join` basis: every customer with joinedPrivateAt set, whatever happened later
 *   (leaving does not remove them from their cohort). Month k counts any order in that calendar
 *   month, also one placed in the join month before the join instant; k = 0 is whatever it is.
 *   Orders in months before the cohort month are ignored.
 * - Returned orders are orders: they count as activity.
 * - asOf ('YYYY-MM', inclusive) defaults to the latest month that holds a counted order or a
 *   cohort start. Only cohorts c ≤ asOf with at least one customer are listed, ascending, each
 *   with cells k = 0 … min(maxK, asOf − c): a triangle. Later orders are ignored.
 * - Each cell is ratio(active customers, cohort size).
 * - `groups` splits each cohort by customer group with the same rule as the historical LTV: a
 *   customer's group at the as-of instant (local midnight starting the month after asOf); a
 *   customer missing from `customers` is public. A group with nobody in the cohort gives cells
 *   with value null and a reason.
 */
import { customersById, endOfLocalMonth, groupAt, type CustomerGroup } from './customer-group.js';
import { ratio, type Evidence } from './evidence.js';
import { firstEverOrders, isCountedOrder } from './order-facts.js';
import type { CustomerRecord, OrderRecord } from './records.js';
import { localDateOf, monthOf, monthsBetween } from './time.js';

export type CohortBasis = 'first_order' | 'private_join';

export interface CohortInput {
  customers: readonly CustomerRecord[];
  /** Full order history. */
  orders: readonly OrderRecord[];
  basis: CohortBasis;
  timeZone: string;
  /** Last month shown, 'YYYY-MM', inclusive. Default: the latest month in the data. */
  asOf?: string;
  /** Largest k shown. Default: up to asOf. */
  maxK?: number;
}

export interface RetentionCohort {
  /** 'YYYY-MM' */
  cohort: string;
  size: number;
  /** cells[k] = share of the cohort with ≥ 1 order in month cohort + k. */
  cells: Evidence[];
  /** The same, for the cohort's customers of each group at the as-of instant. */
  groups: Record<CustomerGroup, { size: number; cells: Evidence[] }>;
}

export interface RetentionTriangle {
  basis: CohortBasis;
  /** null when there is no data at all. */
  asOf: string | null;
  cohorts: RetentionCohort[];
}

/** customerId → cohort month for a basis (shared with the historical LTV). */
export function cohortMonths(
  customers: readonly CustomerRecord[],
  orders: readonly OrderRecord[],
  basis: CohortBasis,
  timeZone: string,
): Map<string, string> {
  const months = new Map<string, string>();
  if (basis === 'first_order') {
    for (const [customerId, first] of firstEverOrders(orders)) {
      months.set(customerId, monthOf(first.localDate));
    }
  } else {
    for (const c of customers) {
      if (c.joinedPrivateAt !== null) {
        months.set(c.id, monthOf(localDateOf(c.joinedPrivateAt, timeZone)));
      }
    }
  }
  return months;
}

/** The default asOf: the latest month holding a counted order or a cohort start; null if none. */
export function latestDataMonth(
  orders: readonly OrderRecord[],
  cohorts: ReadonlyMap<string, string>,
): string | null {
  let latest: string | null = null;
  for (const o of orders) {
    if (!isCountedOrder(o)) continue;
    const m = monthOf(o.localDate);
    if (latest === null || m > latest) latest = m;
  }
  for (const m of cohorts.values()) if (latest === null || m > latest) latest = m;
  return latest;
}

/** Number of cells a cohort gets: k = 0 … min(maxK, asOf − cohort). */
export function triangleWidth(cohort: string, asOf: string, maxK: number | undefined): number {
  const span = monthsBetween(cohort, asOf);
  return Math.max(0, Math.min(span, maxK ?? span) + 1);
}

export function retentionTriangle(input: CohortInput): RetentionTriangle {
  const { basis, maxK } = input;
  const cohorts = cohortMonths(input.customers, input.orders, basis, input.timeZone);
  const asOf = input.asOf ?? latestDataMonth(input.orders, cohorts);
  if (asOf === null) return { basis, asOf, cohorts: [] };
  const instant = endOfLocalMonth(asOf, input.timeZone);
  const byId = customersById(input.customers);

  // cohort month → members (by group), and → k → customers active in month cohort + k.
  const sizes = new Map<string, Record<CustomerGroup, number>>();
  const groups = new Map<string, CustomerGroup>();
  for (const [customerId, m] of cohorts) {
    if (m > asOf) continue;
    const group = groupAt(byId.get(customerId), instant);
    groups.set(customerId, group);
    let size = sizes.get(m);
    if (!size) sizes.set(m, (size = { public: 0, private: 0 }));
    size[group] += 1;
  }
  const active = new Map<string, Map<number, Set<string>>>();
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    const cohort = cohorts.get(o.customerId);
    if (cohort === undefined || cohort > asOf) continue;
    const month = monthOf(o.localDate);
    if (month > asOf) continue;
    const k = monthsBetween(cohort, month);
    if (k < 0 || (maxK !== undefined && k > maxK)) continue;
    let byK = active.get(cohort);
    if (!byK) active.set(cohort, (byK = new Map()));
    let who = byK.get(k);
    if (!who) byK.set(k, (who = new Set()));
    who.add(o.customerId);
  }

  const result: RetentionCohort[] = [];
  for (const cohort of [...sizes.keys()].sort()) {
    const bySize = sizes.get(cohort)!;
    const size = bySize.public + bySize.private;
    const cells: Evidence[] = [];
    const split: RetentionCohort['groups'] = {
      public: { size: bySize.public, cells: [] },
      private: { size: bySize.private, cells: [] },
    };
    for (let k = 0; k < triangleWidth(cohort, asOf, maxK); k++) {
      const who = active.get(cohort)?.get(k) ?? new Set<string>();
      cells.push(ratio(who.size, size, 'empty cohort'));
      const counts: Record<CustomerGroup, number> = { public: 0, private: 0 };
      for (const id of who) counts[groups.get(id)!] += 1;
      for (const g of ['public', 'private'] as const) {
        split[g].cells.push(ratio(counts[g], bySize[g], `no ${g} customers in this cohort`));
      }
    }
    result.push({ cohort, size, cells, groups: split });
  }
  return { basis, asOf, cohorts: result };
}
