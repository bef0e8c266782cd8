import type { IncrementalityResponse, IntervalJson } from '@yugang/contract';
import {
  estimateIncrementality,
  incrementalRoi,
  INCREMENTAL_ROI_SENTENCE,
  INCREMENTALITY_DEFAULTS,
  monthIndex,
  monthOfIndex,
  type BalanceRow,
  type CustomerMonths,
  type IncrementalityResult,
  type Interval,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import {
  incrementalityCustomers,
  incrementalityDays,
  MONTH_BASE,
  MONTH_SLOTS,
  privateCostFen,
} from './incrementality.queries.js';

type Db = Kysely<Database>;
type Result = Omit<IncrementalityResponse, 'cached'>;

/** Joins the two column sets into the estimator's input (customers and months in id order). */
export async function loadCustomerMonths(
  db: Db,
  workspaceId: number,
  asOf: string,
): Promise<CustomerMonths> {
  const [customers, days] = await Promise.all([
    incrementalityCustomers(db, workspaceId, asOf),
    incrementalityDays(db, workspaceId, asOf),
  ]);
  const n = customers.rows;
  const c = customers.columns;
  const d = days.columns;
  // Days → months: rows come in key order, so equal keys (one customer's month) are adjacent.
  const start = new Int32Array(n + 1);
  const month = new Int32Array(days.rows);
  const orders = new Float64Array(days.rows);
  const gmv = new Float64Array(days.rows);
  const grossProfit = new Float64Array(days.rows);
  let rows = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    start[i] = rows;
    const id = c.customer_id[i]!;
    while (r < days.rows && Math.floor(d.key[r]! / MONTH_SLOTS) === id) {
      const m = (d.key[r]! % MONTH_SLOTS) + MONTH_BASE;
      if (rows === start[i] || month[rows - 1] !== m) {
        month[rows] = m;
        rows += 1;
      }
      orders[rows - 1]! += d.orders[r]!;
      gmv[rows - 1]! += d.gmv_fen[r]!;
      grossProfit[rows - 1]! += d.gross_profit_fen[r]!;
      r += 1;
    }
  }
  // Both sets come from the same counted orders before asOf, so every day row has its customer.
  if (r !== days.rows) throw new Error('incrementality: a customer-day row has no customer');
  start[n] = rows;
  return {
    customers: n,
    joinMonth: c.join_month,
    acquisitionMonth: c.acquisition_month,
    firstChannel: c.first_channel,
    start,
    month: month.subarray(0, rows),
    orders: orders.subarray(0, rows),
    gmv: gmv.subarray(0, rows),
    grossProfit: grossProfit.subarray(0, rows),
  };
}

const yuan = (fen: number) => Math.round(fen) / 100;
const money = (x: Interval): IntervalJson => ({
  estimate: yuan(x.estimate),
  low: x.low === null ? null : yuan(x.low),
  high: x.high === null ? null : yuan(x.high),
});
const count = (x: Interval): IntervalJson => ({
  estimate: round(x.estimate, 4),
  low: x.low === null ? null : round(x.low, 4),
  high: x.high === null ? null : round(x.high, 4),
});
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const BALANCE_LABELS: Record<BalanceRow['variable'], { 'zh-CN': string; en: string }> = {
  pre_orders: { 'zh-CN': '入群前 12 个月订单数', en: 'orders in the 12 months before' },
  pre_gmv: { 'zh-CN': '入群前 12 个月 GMV（元）', en: 'GMV in the 12 months before (yuan)' },
  pre_gross_profit: {
    'zh-CN': '入群前 12 个月毛利（元）',
    en: 'gross profit in the 12 months before (yuan)',
  },
  recency_months: { 'zh-CN': '距上次购买（月）', en: 'months since the last order' },
  tenure_months: { 'zh-CN': '首单至今（月）', en: 'months since the first order' },
};

const ASSUMPTIONS = [
  {
    'zh-CN':
      '匹配：同一首单月份、同一首单渠道、入群前 12 个月的最近购买/购买频次/消费金额分档相同的客户互为对照；对照客户在观察期结束前未入群。',
    en: 'Matching: members are compared with customers of the same first-order month and first channel, in the same recency, frequency and monetary buckets over the 12 months before the join month, who had not joined by the end of the window.',
  },
  {
    'zh-CN':
      '可比性假设：在这些条件相同的客户中，是否入群与其本来会买多少无关（只按入群前看得到的行为选择）。若门店导购只挑“看起来会复购”的人拉群，而这种判断不体现在以上分档里，提升会被高估。',
    en: 'Identifying assumption: among customers alike on these buckets, joining is unrelated to what they would have bought anyway (selection only on behaviour seen before joining). If staff pick members on signals the buckets do not see, the lift is overstated.',
  },
  {
    'zh-CN':
      '双重差分：每位客户入群后 N 个月的购买，减去其入群前月均购买 × N；入群当月不计（一半在入群前）。按入群月份分批比较后合并，不做交错处理下的双向固定效应回归。',
    en: "Difference in differences: each customer's purchases over the N months after the join month minus N × their own monthly rate before it; the join month itself is left out (it is half before). Join months are compared separately and stacked, never a two-way fixed-effects regression over staggered joining.",
  },
  {
    'zh-CN':
      '90% 区间：按客户做贝叶斯自助法（固定种子，结果可复现）；每层至少 2 个对照，否则该会员计为“未匹配”。',
    en: '90% intervals: Bayesian bootstrap over customers (seeded, reproducible); a stratum needs two controls, otherwise its members count as unmatched.',
  },
  {
    'zh-CN': '增量 ROI 的分母是这些月份私域的全部成本，分子只计已匹配会员的增量毛利，因此偏保守。',
    en: 'The incremental ROI divides the matched members’ incremental gross profit by every private cost of those months, so it errs low.',
  },
];

function summaryOf(r: IncrementalityResult): Result['summary'] {
  const gp = r.perMember.grossProfit;
  if (r.joiners.matched === 0 || gp.low === null || gp.high === null) {
    return {
      'zh-CN': '暂无可匹配的入群会员，无法估计私域的增量价值。',
      en: 'No member could be matched yet, so the incremental value cannot be estimated.',
    };
  }
  const f = (fen: number) => Math.round(fen / 100).toLocaleString('en-US');
  return {
    'zh-CN': `私域让每位入群客户 ${r.months} 个月多贡献毛利 ¥${f(gp.estimate)}（90% 区间 ¥${f(gp.low)}–¥${f(gp.high)}）。`,
    en: `Joining the private domain added ¥${f(gp.estimate)} of gross profit per member over ${r.months} months (90% interval ¥${f(gp.low)}–¥${f(gp.high)}).`,
  };
}

/** The matched analysis as of an exclusive end date, computed now (no cache). */
export async function incrementality(
  db: Db,
  workspace: Pick<Workspace, 'id'>,
  options: { asOf: string; months: number },
): Promise<Result> {
  const { asOf, months } = options;
  // Whole months only: the month holding asOf's previous day is complete only when asOf is a 1st.
  const endMonth = monthIndex(asOf);
  const data = await loadCustomerMonths(db, workspace.id, asOf);
  const r = estimateIncrementality(data, { endMonth, months });
  const cohorts = r.cohorts;
  const costMonths =
    cohorts.length === 0
      ? null
      : {
          from: `${monthOfIndex(cohorts[0]! + 1)}-01`,
          to: `${monthOfIndex(cohorts[cohorts.length - 1]! + months)}-01`,
        };
  const costFen = costMonths
    ? await privateCostFen(db, workspace.id, costMonths.from, costMonths.to)
    : 0;
  const ratios = incrementalRoi(r, costFen);
  const roi =
    ratios && costMonths
      ? {
          privateCost: yuan(costFen),
          costMonths: { from: costMonths.from.slice(0, 7), to: costMonths.to.slice(0, 7) },
          incremental: count(ratios.incremental),
          naive: count(ratios.naive),
          whichToUse: INCREMENTAL_ROI_SENTENCE,
        }
      : null;
  return {
    months,
    asOf,
    cohorts:
      cohorts.length === 0
        ? null
        : {
            from: monthOfIndex(cohorts[0]!),
            to: monthOfIndex(cohorts[cohorts.length - 1]!),
            count: cohorts.length,
          },
    matched: {
      members: r.joiners.matched,
      unmatched: r.joiners.unmatched,
      eligible: r.joiners.eligible,
      withoutHistory: r.joiners.withoutHistory,
      strata: r.strata,
      controls: r.controls,
      perMember: {
        orders: count(r.perMember.orders),
        gmv: money(r.perMember.gmv),
        grossProfit: money(r.perMember.grossProfit),
      },
      total: {
        orders: count(r.total.orders),
        gmv: money(r.total.gmv),
        grossProfit: money(r.total.grossProfit),
      },
    },
    naive: {
      perMember: {
        orders: count(r.naive.orders),
        gmv: money(r.naive.gmv),
        grossProfit: money(r.naive.grossProfit),
      },
      total: {
        orders: count(r.naiveTotal.orders),
        gmv: money(r.naiveTotal.gmv),
        grossProfit: money(r.naiveTotal.grossProfit),
      },
    },
    totalIncrementalGrossProfit: money(r.total.grossProfit),
    balance: r.balance.map((b) => {
      const isMoney = b.variable === 'pre_gmv' || b.variable === 'pre_gross_profit';
      const v = (x: number) => (isMoney ? yuan(x) : round(x, 4));
      return {
        variable: b.variable,
        label: BALANCE_LABELS[b.variable],
        members: v(b.members),
        matchedControls: v(b.matchedControls),
        allNonMembers: v(b.allNonMembers),
        standardizedDifference:
          b.standardizedDifference === null ? null : round(b.standardizedDifference, 4),
      };
    }),
    roi,
    summary: summaryOf(r),
    assumptions: ASSUMPTIONS,
    method: {
      design: 'coarsened_exact_matching_stacked_did',
      level: r.level,
      draws: r.draws,
      seed: r.seed,
      controlsPerStratum: INCREMENTALITY_DEFAULTS.controlsPerStratum,
      preMonths: r.preMonths,
    },
  };
}

/** From the per-data-version cache (like predicted LTV): only the first request computes. */
export async function cachedIncrementality(
  db: Db,
  workspace: Pick<Workspace, 'id'>,
  options: { asOf: string; months: number },
): Promise<IncrementalityResponse> {
  const { value, cached } = await readModelCache.get(
    db,
    workspace.id,
    'incrementality',
    [options.asOf, options.months],
    () => incrementality(db, workspace, options),
  );
  return { ...value, cached };
}
