/**
 * METRICS.md §1, customer value: every metric for one window at once, for each customer group
 * and for all customers.
 *
 * Rules (all from METRICS.md, made precise here):
 * - An order is in the window when its localDate ∈ [window.from, window.to). Cancelled orders
 *   never count. Returned orders still count as orders and in GMV; they only feed return_rate.
 * - Each customer is classified once, at the window's end instant (local midnight starting
 *   window.to, see customer-group.ts), and all of that customer's orders in the window count for
 *   that group. An order whose customer is not in `customers` counts as public.
 * - "First-ever order" (repeat_revenue_share) is the customer's earliest non-cancelled order in
 *   ALL the orders passed (pass full history), ties on orderedAt broken by the smaller order id.
 * - commission_saved: Σ amount of the group's orders placed in a private-DOMAIN channel × the
 *   commission rate, rounded once per cell to whole fen (half away from zero). So `all` may
 *   differ by 1 fen from public + private. Orders in public channels save nothing.
 * - gross_profit: Σ per order of grossProfitFen, or amount × defaultMargin rounded to whole fen
 *   per order (half away from zero) when grossProfitFen is null.
 * - Counts and sums are `figure`s; ratios are `ratio`s: a zero denominator gives value null
 *   with a reason, never NaN or Infinity. Money is fen; aov and arpu are fen per order/buyer.
 */
import { customersById, groupAt, windowEndInstant, type CustomerGroup } from './customer-group.js';
import { figure, ratio, type Evidence } from './evidence.js';
import { applyRate } from './money.js';
import { firstEverOrders, isCountedOrder, orderGrossProfitFen } from './order-facts.js';
import type { CustomerRecord, DateWindow, OrderRecord, Segment } from './records.js';
import { inWindow } from './time.js';
import { SECTION1_IDS } from './catalog.js';

export type Section1Id = (typeof SECTION1_IDS)[number];

export type EvidenceBySegment = Record<Segment, Evidence>;

export type CustomerValueMetrics = Record<Section1Id, EvidenceBySegment>;

export const DEFAULT_COMMISSION_RATE = 0.05;

export interface CustomerValueSettings {
  /** Reference platform commission rate; default 0.05. */
  commissionRate?: number;
  /** Margin used for orders without grossProfitFen, e.g. 0.4. */
  defaultMargin: number;
}

export interface CustomerValueInput {
  customers: readonly CustomerRecord[];
  /** Full order history (needed for first-ever orders); the window picks the counted ones. */
  orders: readonly OrderRecord[];
  window: DateWindow;
  timeZone: string;
  settings: CustomerValueSettings;
}

interface Tally {
  buyers: Map<string, number>;
  orders: number;
  gmv: number;
  returned: number;
  repeatGmv: number;
  privateChannelGmv: number;
  grossProfit: number;
}

function emptyTally(): Tally {
  return {
    buyers: new Map(),
    orders: 0,
    gmv: 0,
    returned: 0,
    repeatGmv: 0,
    privateChannelGmv: 0,
    grossProfit: 0,
  };
}

export function customerValueMetrics(input: CustomerValueInput): CustomerValueMetrics {
  const { window, timeZone } = input;
  const commissionRate = input.settings.commissionRate ?? DEFAULT_COMMISSION_RATE;
  const byId = customersById(input.customers);
  const end = windowEndInstant(window, timeZone);
  const first = firstEverOrders(input.orders);
  const groups = new Map<string, CustomerGroup>();
  const tallies: Record<Segment, Tally> = {
    public: emptyTally(),
    private: emptyTally(),
    all: emptyTally(),
  };

  for (const o of input.orders) {
    if (!isCountedOrder(o) || !inWindow(o.localDate, window)) continue;
    let group = groups.get(o.customerId);
    if (!group) {
      group = groupAt(byId.get(o.customerId), end);
      groups.set(o.customerId, group);
    }
    const isRepeat = first.get(o.customerId)?.id !== o.id;
    const grossProfit = orderGrossProfitFen(o, input.settings.defaultMargin);
    for (const t of [tallies[group], tallies.all]) {
      t.buyers.set(o.customerId, (t.buyers.get(o.customerId) ?? 0) + 1);
      t.orders += 1;
      t.gmv += o.amountFen;
      if (o.returned) t.returned += 1;
      if (isRepeat) t.repeatGmv += o.amountFen;
      if (o.domain === 'private') t.privateChannelGmv += o.amountFen;
      t.grossProfit += grossProfit;
    }
  }

  const totals = {} as Record<Segment, CustomerValueTotals>;
  for (const segment of ['public', 'private', 'all'] as const) {
    const t = tallies[segment];
    let repeatBuyers = 0;
    for (const n of t.buyers.values()) if (n >= 2) repeatBuyers += 1;
    totals[segment] = {
      buyers: t.buyers.size,
      repeatBuyers,
      orders: t.orders,
      returnedOrders: t.returned,
      gmvFen: t.gmv,
      repeatGmvFen: t.repeatGmv,
      privateChannelGmvFen: t.privateChannelGmv,
      grossProfitFen: t.grossProfit,
    };
  }
  return customerValueFromTotals(totals, commissionRate);
}

/** The sums and distinct counts the section-1 metrics of one segment are computed from. */
export interface CustomerValueTotals {
  buyers: number;
  /** Buyers with ≥ 2 orders in the window. */
  repeatBuyers: number;
  orders: number;
  returnedOrders: number;
  gmvFen: number;
  /** GMV of orders that are not the customer's first-ever order. */
  repeatGmvFen: number;
  /** GMV of orders placed in private-domain channels (for commission_saved). */
  privateChannelGmvFen: number;
  grossProfitFen: number;
}

/**
 * The section-1 formulas, from totals per segment. The oracle above and the API's read model
 * (which keeps these totals in rollups) both end here, so the formulas exist once.
 */
export function customerValueFromTotals(
  totals: Record<Segment, CustomerValueTotals>,
  commissionRate: number,
): CustomerValueMetrics {
  const result = {} as Record<Section1Id, Partial<EvidenceBySegment>>;
  for (const id of SECTION1_IDS) result[id] = {};
  for (const segment of ['public', 'private', 'all'] as const) {
    const t = totals[segment];
    result.buyers[segment] = figure(t.buyers);
    result.orders[segment] = figure(t.orders);
    result.gmv[segment] = figure(t.gmvFen);
    result.aov[segment] = ratio(t.gmvFen, t.orders, 'no orders in window');
    result.arpu[segment] = ratio(t.gmvFen, t.buyers, 'no buyers in window');
    result.purchase_frequency[segment] = ratio(t.orders, t.buyers, 'no buyers in window');
    result.repeat_purchase_rate[segment] = ratio(t.repeatBuyers, t.buyers, 'no buyers in window');
    result.return_rate[segment] = ratio(t.returnedOrders, t.orders, 'no orders in window');
    result.repeat_revenue_share[segment] = ratio(t.repeatGmvFen, t.gmvFen, 'no GMV in window');
    result.commission_saved[segment] = figure(applyRate(t.privateChannelGmvFen, commissionRate));
    result.gross_profit[segment] = figure(t.grossProfitFen);
  }
  return result as CustomerValueMetrics;
}
