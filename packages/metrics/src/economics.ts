/**
 * Economics of the private domain (METRICS.md §3; seed 000 Q4).
 *
 * - private_roi = (private GMV × gross margin rate − fixed costs) / (labor + tools + traffic + trial).
 *   The gross margin rate is gross profit / GMV of the very orders credited to private, so
 *   GMV × margin is their gross profit: the function takes the credited private GMV and its gross
 *   profit as inputs (the attribution rule lives elsewhere).
 * - public_cac, nurture_cost and its ceiling (≤ 3 × CAC), the 60/20/20 budget split, and the
 *   cumulative cost and ROI curves with the cost-balance and ROI-convergence months.
 */
import { ratio, type Evidence } from './evidence.js';
import type { Localized } from './locale.js';
import type { CostRecord, CustomerRecord, DateWindow, Domain, OrderRecord } from './records.js';
import { addDays, addMonths, inWindow, localDateOf, monthsBetween } from './time.js';

/** Cost totals in fen by category, for one domain. */
export interface CategoryCosts {
  labor: number;
  tools: number;
  traffic: number;
  trial: number;
  fixed: number;
}

export interface PrivateRoiInput {
  /** GMV credited to private by the attribution rule (fen). */
  privateGmvFen: number;
  /** Gross profit of that credited GMV (fen). */
  privateGrossProfitFen: number;
  costs: CategoryCosts;
}

export interface PrivateRoi extends Evidence {
  /** gross profit / GMV of the credited orders; null when GMV is zero. */
  grossMarginRate: Evidence;
  /** labor + tools + traffic + trial, the formula's denominator. */
  variableCostFen: number;
  fixedCostFen: number;
}

/**
 * 私域ROI = (私域GMV×毛利率 − 固定成本) / (人力+工具+流量采购+试错成本).
 * numerator = private gross profit − fixed costs (may be negative); denominator = the four
 * variable cost categories. Null with a reason when those are zero.
 */
export function privateRoi(input: PrivateRoiInput): PrivateRoi {
  const { costs } = input;
  const variableCostFen = costs.labor + costs.tools + costs.traffic + costs.trial;
  const numerator = input.privateGrossProfitFen - costs.fixed;
  const roi = ratio(
    numerator,
    variableCostFen,
    'no private labor, tools, traffic or trial costs in the window',
  );
  return {
    ...roi,
    grossMarginRate: ratio(
      input.privateGrossProfitFen,
      input.privateGmvFen,
      'no private GMV in the window',
    ),
    variableCostFen,
    fixedCostFen: costs.fixed,
  };
}

/** Which months of monthly cost records a figure covers. */
export type CostPeriod = DateWindow | { months: readonly string[] };

export interface CostsByCategory extends CategoryCosts {
  total: number;
  /** The months whose costs were counted, ascending. */
  months: string[];
  /**
   * Months that have costs for this domain but are only partly inside a date window: their
   * costs are left out, because monthly costs cannot be split by day without inventing an
   * allocation. Empty when the period is given as months.
   */
  partialMonths: string[];
}

/**
 * Costs of one domain summed by category. Costs are recorded per month: with a date window,
 * a month counts only when all of its days lie inside [from, to); months that are cut by the
 * window are listed in `partialMonths` and not counted. With a list of months, exactly those.
 */
export function costsByCategory(
  costs: readonly CostRecord[],
  period: CostPeriod,
  domain: Domain,
): CostsByCategory {
  const result: CategoryCosts = { labor: 0, tools: 0, traffic: 0, trial: 0, fixed: 0 };
  const counted = new Set<string>();
  const partial = new Set<string>();
  const listed = 'months' in period ? new Set(period.months) : null;
  for (const cost of costs) {
    if (cost.domain !== domain) continue;
    let include: boolean;
    if (listed) {
      include = listed.has(cost.month);
    } else {
      const window = period as DateWindow;
      const first = `${cost.month}-01`;
      const last = addDays(`${addMonths(cost.month, 1)}-01`, -1);
      include = inWindow(first, window) && inWindow(last, window);
      if (!include && first < window.to && last >= window.from) partial.add(cost.month);
    }
    if (!include) continue;
    result[cost.category] += cost.amountFen;
    counted.add(cost.month);
  }
  const total = result.labor + result.tools + result.traffic + result.trial + result.fixed;
  return {
    ...result,
    total,
    months: [...counted].sort(),
    partialMonths: [...partial].sort(),
  };
}

/** public_cac = public traffic-purchase cost / new customers whose first-ever order was public. */
export function publicCac(input: {
  publicTrafficFen: number;
  newPublicCustomers: number;
}): Evidence {
  return ratio(
    input.publicTrafficFen,
    input.newPublicCustomers,
    'no new customers with a first order in a public channel in the window',
  );
}

/**
 * New customers in a window by the domain of their first-ever order: customers whose first
 * non-cancelled order (earliest ordered_at, ties broken by order id) falls in the window.
 * Pass the customers' whole order history, not only the window's orders.
 */
export function newCustomersByFirstOrderDomain(
  orders: readonly OrderRecord[],
  window: DateWindow,
): Record<Domain, number> {
  const first = firstOrders(orders);
  const counts: Record<Domain, number> = { public: 0, private: 0 };
  for (const order of first.values()) {
    if (inWindow(order.localDate, window)) counts[order.domain] += 1;
  }
  return counts;
}

/** Each customer's first-ever non-cancelled order (earliest ordered_at, then lowest id). */
function firstOrders(orders: readonly OrderRecord[]): Map<string, OrderRecord> {
  const first = new Map<string, OrderRecord>();
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    const seen = first.get(order.customerId);
    if (!seen || compareOrders(order, seen) < 0) first.set(order.customerId, order);
  }
  return first;
}

/** Order by ordered_at, then by id, so "first" never depends on input order. */
function compareOrders(a: OrderRecord, b: OrderRecord): number {
  const dt = a.orderedAt.getTime() - b.orderedAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * New private members in a window: customers whose joined_private_at falls on a local date in
 * [from, to). A member who joined and left inside the window still counts as new.
 */
export function newPrivateMembers(
  customers: readonly CustomerRecord[],
  window: DateWindow,
  timeZone: string,
): number {
  let n = 0;
  for (const c of customers) {
    if (c.joinedPrivateAt && inWindow(localDateOf(c.joinedPrivateAt, timeZone), window)) n += 1;
  }
  return n;
}

/** The seed's rule: 私域养客成本 ≤ 公域获客成本 × 3. */
export const NURTURE_CEILING_MULTIPLE = 3;

/** The most the private domain should spend per new member: multiple × public CAC. */
export function nurtureCeiling(publicCacFen: number, multiple = NURTURE_CEILING_MULTIPLE): number {
  return publicCacFen * multiple;
}

export interface NurtureCostInput {
  /** Private costs of the window; fixed costs are not part of nurture cost. */
  privateCosts: Pick<CategoryCosts, 'labor' | 'tools' | 'traffic' | 'trial'>;
  newPrivateMembers: number;
  /** public_cac in fen; null when it could not be computed. */
  publicCacFen: number | null;
  multiple?: number;
}

export interface NurtureCost {
  /** nurture_cost = (labor + tools + traffic + trial) / new private members, in fen. */
  cost: Evidence;
  /** multiple × public CAC, in fen; null without a CAC. */
  ceilingFen: number | null;
  /** nurture_cost / public_cac; the rule holds when this is ≤ multiple. */
  ratioToCac: Evidence;
  multiple: number;
  /** null when either side is unknown. */
  withinCeiling: boolean | null;
}

export function nurtureCost(input: NurtureCostInput): NurtureCost {
  const multiple = input.multiple ?? NURTURE_CEILING_MULTIPLE;
  const c = input.privateCosts;
  const cost = ratio(
    c.labor + c.tools + c.traffic + c.trial,
    input.newPrivateMembers,
    'no new private members in the window',
  );
  const cac = input.publicCacFen;
  const ceilingFen = cac === null ? null : nurtureCeiling(cac, multiple);
  let ratioToCac: Evidence;
  if (cost.value === null) {
    ratioToCac = { value: null, numerator: 0, denominator: cac ?? 0, reason: cost.reason! };
  } else if (cac === null) {
    ratioToCac = {
      value: null,
      numerator: cost.value,
      denominator: 0,
      reason: 'public CAC is unknown',
    };
  } else {
    ratioToCac = ratio(cost.value, cac, 'public CAC is zero');
  }
  const withinCeiling =
    cost.value === null || ceilingFen === null ? null : cost.value <= ceilingFen;
  return { cost, ceilingFen, ratioToCac, multiple, withinCeiling };
}

/** The 622 rule (seed 000 Q4): 60% cold start, 20% tools, 20% stock marketing and trial. */
export const BUDGET_RULE_622 = { coldStart: 0.6, tools: 0.2, stockAndTrial: 0.2 } as const;
/** The rule is meant for brands with yearly GMV within ¥50M (5000万), i.e. 5e9 fen. */
export const BUDGET_RULE_MAX_YEARLY_GMV_FEN = 5_000_000_000;

export type BudgetPurpose = 'cold_start' | 'tools' | 'stock_and_trial';

export interface BudgetShare {
  purpose: BudgetPurpose;
  category: 'traffic' | 'tools' | 'trial';
  label: Localized;
  amountFen: number;
  share: Evidence;
  target: number;
  /** share − target as a fraction (−0.1 = ten points under the rule); null without spend. */
  deviation: number | null;
}

export interface BudgetSplit {
  totalFen: number;
  shares: BudgetShare[];
  /** Σ |deviation|; 0 when the split is exactly 60/20/20; null without spend. */
  totalAbsoluteDeviation: number | null;
  /**
   * Whether the brand is in the rule's scope (yearly GMV ≤ ¥50M): null when yearly GMV was
   * not given. The split is reported either way.
   */
  ruleApplies: boolean | null;
  note: Localized;
}

/**
 * budget_split: private spend excluding labor and fixed, by purpose (cold start = traffic,
 * tools = tools, stock marketing and trial = trial), against the 60/20/20 rule.
 */
export function budgetSplit(
  costs: Pick<CategoryCosts, 'traffic' | 'tools' | 'trial'>,
  options: { yearlyGmvFen?: number | null } = {},
): BudgetSplit {
  const totalFen = costs.traffic + costs.tools + costs.trial;
  const parts: Array<Omit<BudgetShare, 'share' | 'deviation'>> = [
    {
      purpose: 'cold_start',
      category: 'traffic',
      label: { 'zh-CN': '种子用户冷启动', en: 'Seed-user cold start' },
      amountFen: costs.traffic,
      target: BUDGET_RULE_622.coldStart,
    },
    {
      purpose: 'tools',
      category: 'tools',
      label: { 'zh-CN': '工具提效', en: 'Tools and efficiency' },
      amountFen: costs.tools,
      target: BUDGET_RULE_622.tools,
    },
    {
      purpose: 'stock_and_trial',
      category: 'trial',
      label: { 'zh-CN': '存量营销及试错', en: 'Stock marketing and trial' },
      amountFen: costs.trial,
      target: BUDGET_RULE_622.stockAndTrial,
    },
  ];
  const shares = parts.map((part) => {
    const share = ratio(part.amountFen, totalFen, 'no private traffic, tools or trial spend');
    return {
      ...part,
      share,
      deviation: share.value === null ? null : share.value - part.target,
    };
  });
  const totalAbsoluteDeviation =
    totalFen === 0 ? null : shares.reduce((sum, s) => sum + Math.abs(s.deviation ?? 0), 0);
  const gmv = options.yearlyGmvFen;
  const ruleApplies =
    gmv === undefined || gmv === null ? null : gmv <= BUDGET_RULE_MAX_YEARLY_GMV_FEN;
  return {
    totalFen,
    shares,
    totalAbsoluteDeviation,
    ruleApplies,
    note: {
      'zh-CN': '“622法则”适合年GMV在5000万以内的品牌。',
      en: 'The 60/20/20 rule is meant for brands with yearly GMV up to ¥50M.',
    },
  };
}

/** One month of the cumulative-curve input. All money in fen. */
export interface EconomicsMonth {
  /** 'YYYY-MM' */
  month: string;
  /** All private costs of the month, fixed included. */
  privateCostFen: number;
  /** The part of privateCostFen that is fixed cost (default 0). */
  privateFixedCostFen?: number;
  /** Gross profit of the GMV credited to private. */
  privateGrossProfitFen: number;
  /** All public costs of the month, fixed included. */
  publicCostFen: number;
  /** The part of publicCostFen that is fixed cost (default 0). */
  publicFixedCostFen?: number;
  /** Gross profit of the GMV credited to public. */
  publicGrossProfitFen: number;
  /**
   * Platform commissions on public orders, subtracted from public gross profit (default 0).
   * Pass 0 when publicGrossProfitFen already nets them out.
   */
  publicCommissionFen?: number;
}

export interface CumulativePoint {
  month: string;
  /** 1-based month index since private launch ("第 N 个月"). */
  index: number;
  privateCostFen: number;
  privateGrossProfitFen: number;
  publicCostFen: number;
  publicGrossProfitFen: number;
  /** Cumulative (gross profit − fixed) / (cost − fixed), as private_roi; null on zero cost. */
  privateRoi: number | null;
  /** Cumulative (gross profit − commission − fixed) / (cost − fixed); null on zero cost. */
  publicRoi: number | null;
}

export interface MonthMark {
  month: string;
  /** 1-based month index since launch. */
  index: number;
  /** "第 N 个月" / "month N". */
  label: Localized;
}

export interface CumulativeCurves {
  launchMonth: string | null;
  points: CumulativePoint[];
  costBalance: MonthMark | null;
  roiConvergence: MonthMark | null;
}

/**
 * Cumulative cost, gross profit and ROI since private launch, month by month.
 * The launch month is `launchMonth` when given, else the first month with any private cost or
 * private gross profit. Months missing between launch and the last month count as zero. Public
 * figures are accumulated from the same launch month, so both curves share one time axis.
 * Duplicate month rows are summed.
 */
export function cumulativeCurves(input: {
  months: readonly EconomicsMonth[];
  launchMonth?: string;
}): CumulativeCurves {
  const byMonth = new Map<string, Required<EconomicsMonth>>();
  for (const m of input.months) {
    const seen = byMonth.get(m.month);
    const row: Required<EconomicsMonth> = {
      month: m.month,
      privateCostFen: m.privateCostFen,
      privateFixedCostFen: m.privateFixedCostFen ?? 0,
      privateGrossProfitFen: m.privateGrossProfitFen,
      publicCostFen: m.publicCostFen,
      publicFixedCostFen: m.publicFixedCostFen ?? 0,
      publicGrossProfitFen: m.publicGrossProfitFen,
      publicCommissionFen: m.publicCommissionFen ?? 0,
    };
    if (seen) {
      for (const key of Object.keys(row) as Array<keyof EconomicsMonth>) {
        if (key !== 'month') seen[key] += row[key];
      }
    } else {
      byMonth.set(m.month, row);
    }
  }
  const sorted = [...byMonth.keys()].sort();
  const launchMonth =
    input.launchMonth ??
    sorted.find((month) => {
      const row = byMonth.get(month)!;
      return row.privateCostFen !== 0 || row.privateGrossProfitFen !== 0;
    }) ??
    null;
  const last = sorted[sorted.length - 1];
  if (launchMonth === null || last === undefined || last < launchMonth) {
    return { launchMonth, points: [], costBalance: null, roiConvergence: null };
  }
  const points: CumulativePoint[] = [];
  let privCost = 0;
  let privFixed = 0;
  let privGp = 0;
  let pubCost = 0;
  let pubFixed = 0;
  let pubGp = 0;
  let pubCommission = 0;
  const count = monthsBetween(launchMonth, last) + 1;
  for (let i = 0; i < count; i += 1) {
    const month = addMonths(launchMonth, i);
    const row = byMonth.get(month);
    if (row) {
      privCost += row.privateCostFen;
      privFixed += row.privateFixedCostFen;
      privGp += row.privateGrossProfitFen;
      pubCost += row.publicCostFen;
      pubFixed += row.publicFixedCostFen;
      pubGp += row.publicGrossProfitFen;
      pubCommission += row.publicCommissionFen;
    }
    points.push({
      month,
      index: i + 1,
      privateCostFen: privCost,
      privateGrossProfitFen: privGp,
      publicCostFen: pubCost,
      publicGrossProfitFen: pubGp,
      privateRoi: ratio(privGp - privFixed, privCost - privFixed).value,
      publicRoi: ratio(pubGp - pubCommission - pubFixed, pubCost - pubFixed).value,
    });
  }
  return {
    launchMonth,
    points,
    costBalance: costBalanceMonth(points),
    roiConvergence: roiConvergenceMonth(points),
  };
}

function mark(point: CumulativePoint): MonthMark {
  return {
    month: point.month,
    index: point.index,
    label: { 'zh-CN': `第 ${point.index} 个月`, en: `month ${point.index}` },
  };
}

/**
 * cost_balance_month: the first month where cumulative private gross profit ≥ cumulative
 * private cost. Months with no private cost and no gross profit yet (0 ≥ 0) do not count.
 */
export function costBalanceMonth(points: readonly CumulativePoint[]): MonthMark | null {
  const hit = points.find(
    (p) =>
      (p.privateCostFen !== 0 || p.privateGrossProfitFen !== 0) &&
      p.privateGrossProfitFen >= p.privateCostFen,
  );
  return hit ? mark(hit) : null;
}

/**
 * roi_convergence_month: the first month where cumulative private ROI ≥ cumulative public
 * ROI, both defined.
 */
export function roiConvergenceMonth(points: readonly CumulativePoint[]): MonthMark | null {
  const hit = points.find(
    (p) => p.privateRoi !== null && p.publicRoi !== null && p.privateRoi >= p.publicRoi,
  );
  return hit ? mark(hit) : null;
}
