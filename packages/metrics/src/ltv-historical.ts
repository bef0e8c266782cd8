/**
 * METRICS.md §2, historical LTV: ltv[c][k] = Σ value of cohort c's customers' counted orders in
 * months c … c+k / cohort size, split by customer group.
 *
 * - Cohorts, months, asOf and the triangle shape are exactly those of the retention triangle
 *   (retention.ts): same basis, same cohort months, cells k = 0 … min(maxK, asOf − c).
 * - Value: `gmv` = order amount; `gross_profit` = grossProfitFen, else amount × defaultMargin
 *   rounded to whole fen per order. Cancelled orders never count; returned orders do (as in gmv).
 *   Orders in months before the cohort month or after asOf are ignored.
 * - Split: each customer is put in ONE group for the whole curve, their group at the as-of
 *   instant = local midnight starting the month after asOf (the end of the last month shown).
 *   So a member who has left by then is public; a customer who joined by then is private.
 *   A customer missing from `customers` is public.
 * - Denominator: the number of the cohort's customers in that group (size.public, size.private;
 *   size.all = both). It does not change with k. A group with no customers in a cohort gives
 *   value null with a reason. Values are fen per cohort customer (not rounded).
 */
import { customersById, endOfLocalMonth, groupAt, type CustomerGroup } from './customer-group.js';
import { ratio, type Evidence } from './evidence.js';
import { isCountedOrder, orderGrossProfitFen } from './order-facts.js';
import type { Segment } from './records.js';
import {
  cohortMonths,
  latestDataMonth,
  triangleWidth,
  type CohortBasis,
  type CohortInput,
} from './retention.js';
import { monthOf, monthsBetween } from './time.js';

export type LtvMeasure = 'gmv' | 'gross_profit';

export interface HistoricalLtvInput extends CohortInput {
  measure: LtvMeasure;
  /** Needed for measure 'gross_profit' when an order has no gross profit; default 0. */
  defaultMargin?: number;
}

export interface LtvCohort {
  cohort: string;
  size: Record<Segment, number>;
  /** cells[segment][k] = cumulative value per cohort customer of that group, months c … c+k. */
  cells: Record<Segment, Evidence[]>;
}

export interface HistoricalLtv {
  basis: CohortBasis;
  measure: LtvMeasure;
  asOf: string | null;
  /** The instant customer groups are taken at; null when there is no data. */
  groupAt: Date | null;
  cohorts: LtvCohort[];
}

const SEGMENTS: readonly Segment[] = ['public', 'private', 'all'];

export function historicalLtv(input: HistoricalLtvInput): HistoricalLtv {
  const { basis, measure, maxK, timeZone } = input;
  const margin = input.defaultMargin ?? 0;
  const cohorts = cohortMonths(input.customers, input.orders, basis, timeZone);
  const asOf = input.asOf ?? latestDataMonth(input.orders, cohorts);
  if (asOf === null) return { basis, measure, asOf, groupAt: null, cohorts: [] };
  const instant = endOfLocalMonth(asOf, timeZone);
  const byId = customersById(input.customers);

  const groups = new Map<string, CustomerGroup>();
  const sizes = new Map<string, Record<Segment, number>>();
  for (const [customerId, cohort] of cohorts) {
    if (cohort > asOf) continue;
    const group = groupAt(byId.get(customerId), instant);
    groups.set(customerId, group);
    let size = sizes.get(cohort);
    if (!size) sizes.set(cohort, (size = { public: 0, private: 0, all: 0 }));
    size[group] += 1;
    size.all += 1;
  }

  // cohort → segment → value by month offset k (not yet cumulative).
  const monthly = new Map<string, Record<Segment, number[]>>();
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    const cohort = cohorts.get(o.customerId);
    const group = groups.get(o.customerId);
    if (cohort === undefined || group === undefined) continue;
    const month = monthOf(o.localDate);
    if (month > asOf) continue;
    const k = monthsBetween(cohort, month);
    if (k < 0 || (maxK !== undefined && k > maxK)) continue;
    const value = measure === 'gmv' ? o.amountFen : orderGrossProfitFen(o, margin);
    let bySegment = monthly.get(cohort);
    if (!bySegment) monthly.set(cohort, (bySegment = { public: [], private: [], all: [] }));
    bySegment[group][k] = (bySegment[group][k] ?? 0) + value;
    bySegment.all[k] = (bySegment.all[k] ?? 0) + value;
  }

  const result: LtvCohort[] = [];
  for (const cohort of [...sizes.keys()].sort()) {
    const size = sizes.get(cohort)!;
    const cells: Record<Segment, Evidence[]> = { public: [], private: [], all: [] };
    const width = triangleWidth(cohort, asOf, maxK);
    for (const segment of SEGMENTS) {
      let cumulative = 0;
      for (let k = 0; k < width; k++) {
        cumulative += monthly.get(cohort)?.[segment][k] ?? 0;
        cells[segment].push(
          ratio(cumulative, size[segment], `no ${segment} customers in this cohort`),
        );
      }
    }
    result.push({ cohort, size, cells });
  }
  return { basis, measure, asOf, groupAt: instant, cohorts: result };
}
