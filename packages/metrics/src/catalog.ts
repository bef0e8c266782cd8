/**
 * The metric catalog: one record per metric in METRICS.md (sections 1–8), in both languages,
 * with its unit, which way is good, the article's default target and reference figures, and
 * the article section it comes from. The API's summary keys and the web's labels come from here.
 *
 * Units (MetricUnit), kept small:
 *   count      a whole number of things (customers, orders, groups, alerts)
 *   money      integer fen (1 yuan = 100 fen)
 *   ratio      a fraction shown as a percent, 0.05 = 5% (shares and rates stay in 0–1;
 *              goal_progress may pass 1)
 *   multiple   a plain multiple, 2.4 = 2.4× (ROI, nurture cost in CACs)
 *   per_buyer  orders per buyer in the window (per year on a 365-day window)
 *   hours      a duration in hours
 *   months     a month number since private launch, month 1 = the launch month
 *   score      0–100
 *   stage      organisation stage 1 = 0→1, 2 = 1→10, 3 = 10→100
 *
 * Targets: `{ comparator, value }` in the metric's unit (money in fen, ratios as fractions).
 * With `relativeTo`, value is a multiple of that metric (nurture_cost ≤ 3 × public_cac).
 * Benchmarks are figures quoted in the articles for comparison, not goals.
 *
 * nurture_cost_ratio is nurture_cost / public_cac (a multiple, target ≤ 3), not
 * nurture_cost / (3 × public_cac): "养客成本是获客成本的 2.4 倍, 上限 3 倍" reads directly.
 */
import type { Locale, Localized } from './locale.js';
import type { Segment } from './records.js';

export const METRIC_UNITS = [
  'count',
  'money',
  'ratio',
  'multiple',
  'per_buyer',
  'hours',
  'months',
  'score',
  'stage',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export type GoodDirection = 'up' | 'down' | 'neutral';
export type Comparator = '>=' | '<=' | '=';
export type CatalogSection = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/**
 * What one value describes:
 *   window        one value per date window (and per segment)
 *   cohort        a cohort-month × month-offset triangle
 *   customer      per customer (averaged over customers when shown for a window)
 *   group         per community group (per day or window)
 *   account_day   per staff account per day
 *   since_launch  one value on the timeline since private launch
 *   assessment    a self-assessment by the team
 *   goal          per goal (metric, period, target)
 */
export type MetricGrain =
  | 'window'
  | 'cohort'
  | 'customer'
  | 'group'
  | 'account_day'
  | 'since_launch'
  | 'assessment'
  | 'goal';

/** A further split the metric is reported by, besides its segments. */
export type MetricBreakdown = 'tier' | 'tier_transition' | 'budget_purpose' | 'readiness_dimension';

/** METRICS.md §1: the customer-value comparison, reported for public, private and all. */
export const SECTION1_IDS = [
  'buyers',
  'orders',
  'gmv',
  'aov',
  'arpu',
  'purchase_frequency',
  'repeat_purchase_rate',
  'return_rate',
  'repeat_revenue_share',
  'commission_saved',
  'gross_profit',
] as const;

export const METRIC_IDS = [
  ...SECTION1_IDS,
  // 2. Lifetime value and retention
  'retention',
  'ltv_historical',
  'ltv_predicted',
  'p_alive',
  'private_members',
  'new_private_members',
  'churned_members',
  'member_churn_rate',
  // 3. Economics
  'private_roi',
  'public_cac',
  'nurture_cost',
  'nurture_cost_ratio',
  'budget_split',
  'budget_share_cold_start',
  'budget_share_tools',
  'budget_share_stock_and_trial',
  'cost_balance_month',
  'roi_convergence_month',
  // 4. Attribution and team KPIs
  'credited_gmv',
  'guide_rate',
  'response_rate_48h',
  'median_first_response',
  'first_order_conversion',
  'repurchase_conversion',
  // 5. Communities
  'activity_rate',
  'group_joins',
  'group_leaves',
  'hollow_growth',
  'internal_member_ratio',
  'internal_message_share',
  'cold_start_activity_48h',
  'cold_start_activity_3d',
  // 6. Account risk
  'active_adds',
  'passive_adds',
  'mass_sends',
  'complaints',
  'risk_alerts',
  'backup_coverage',
  'compliance_rate',
  // 7. Value tiers
  'tier_size',
  'tier_gmv_share',
  'tier_transitions',
  // 8. Strategy and readiness
  'goal_progress',
  'readiness_score',
  'pre_actions_done',
  'organisation_stage',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricTarget {
  comparator: Comparator;
  /** In the metric's unit, or a multiple of `relativeTo`. */
  value: number;
  relativeTo?: MetricId;
  note?: Localized;
}

export interface Benchmark {
  segment: Segment;
  /** absolute: in the metric's unit; relative_to_public: this segment's value / public's. */
  basis: 'absolute' | 'relative_to_public';
  value: number;
  note: Localized;
}

export interface MetricSource {
  /** '000' = ten pitfalls of private-domain investment, '002' = the five pre-actions. */
  article: '000' | '002';
  /** The section heading as written in the article. */
  section: string;
}

export interface MetricDefinition {
  id: MetricId;
  section: CatalogSection;
  name: Localized;
  definition: Localized;
  formula: Localized;
  unit: MetricUnit;
  goodDirection: GoodDirection;
  defaultTarget: MetricTarget | null;
  benchmarks: readonly Benchmark[];
  source: MetricSource;
  /**
   * How a period's value relates to its days' values: 'sum' when it is their sum (flows: orders,
   * money, joins, alerts), 'level' otherwise (rates, averages, distinct counts, snapshots).
   * Goals forecast 'sum' metrics by run rate and 'level' metrics by trend.
   */
  aggregation: 'sum' | 'level';
  /** The customer groups it is reported for; 'all' = both together. */
  segments: readonly Segment[];
  grain: MetricGrain;
  breakdown: MetricBreakdown | null;
}

export const CATALOG_SECTIONS: readonly { section: CatalogSection; name: Localized }[] = [
  { section: 1, name: { 'zh-CN': '客户价值', en: 'Customer value' } },
  { section: 2, name: { 'zh-CN': '生命周期价值与留存', en: 'Lifetime value and retention' } },
  { section: 3, name: { 'zh-CN': '投入产出', en: 'Economics' } },
  { section: 4, name: { 'zh-CN': '业绩归属与团队考核', en: 'Attribution and team KPIs' } },
  { section: 5, name: { 'zh-CN': '社群运营', en: 'Communities' } },
  { section: 6, name: { 'zh-CN': '账号风险', en: 'Account risk' } },
  { section: 7, name: { 'zh-CN': '客户分层', en: 'Value tiers' } },
  { section: 8, name: { 'zh-CN': '战略与准备度', en: 'Strategy and readiness' } },
];

function t(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}

const Q = {
  1: '问题 1:做私域是用户运营还是渠道销售？',
  2: '问题 2：私域就是微信里卖货吗？',
  3: '问题 3：私域面临自证价值的困局',
  4: '问题 4：砸多少钱做私域才够？',
  6: '问题 6：私域和公域抢流量抢成交怎么办？',
  7: '问题 7：新社群如何破冰活跃？如何做有销转力的社群？',
  8: '问题 8：私域组织架构怎么搭？独立部门还是挂靠销售？',
  10: '问题 10：账号资产安全如何控制？',
} as const;

function pitfall(n: keyof typeof Q): MetricSource {
  return { article: '000', section: Q[n] };
}

function preActions(section: string): MetricSource {
  return { article: '002', section };
}

const BOTH_AND_ALL: readonly Segment[] = ['public', 'private', 'all'];
const PRIVATE: readonly Segment[] = ['private'];
const PUBLIC: readonly Segment[] = ['public'];
const ALL: readonly Segment[] = ['all'];

const BUDGET_RULE = t(
  '622法则：60% 种子用户冷启动、20% 工具提效、20% 存量营销及试错；适合年GMV 5000万以内的品牌',
  '60/20/20 rule: 60% seed-user cold start, 20% tools, 20% stock marketing and trial; for brands under ¥50M yearly GMV',
);

const NEW_ACCOUNT = t(
  '新号（注册不满90天）红线，超出即预警',
  'red line for new accounts (younger than 90 days); above it, an alert',
);

/** Metrics whose value over a period is the sum of their daily values. */
const SUMMED: ReadonlySet<MetricId> = new Set<MetricId>([
  'orders',
  'gmv',
  'commission_saved',
  'gross_profit',
  'new_private_members',
  'churned_members',
  'credited_gmv',
  'complaints',
  'risk_alerts',
  'group_joins',
  'group_leaves',
]);

type Draft = Omit<MetricDefinition, 'id' | 'benchmarks' | 'breakdown' | 'aggregation'> & {
  benchmarks?: readonly Benchmark[];
  breakdown?: MetricBreakdown;
};

const DEFINITIONS: Record<MetricId, Draft> = {
  // ── 1. Customer value ────────────────────────────────────────────────────────────────────
  buyers: {
    section: 1,
    name: t('购买客户数', 'Buyers'),
    definition: t('窗口内至少下过一单的客户数', 'Customers with at least one order in the window'),
    formula: t(
      '窗口内有 ≥1 笔有效订单的去重客户数',
      'Distinct customers with ≥ 1 non-cancelled order in the window',
    ),
    unit: 'count',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(3),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  orders: {
    section: 1,
    name: t('订单数', 'Orders'),
    definition: t(
      '窗口内的有效订单数（不含已取消）',
      'Orders in the window, cancelled ones excluded',
    ),
    formula: t('窗口内未取消的订单笔数', 'Count of non-cancelled orders in the window'),
    unit: 'count',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(3),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  gmv: {
    section: 1,
    name: t('GMV（成交额）', 'GMV'),
    definition: t('窗口内有效订单金额合计', 'Total amount of the orders in the window'),
    formula: t('Σ 窗口内未取消订单的金额', 'Σ amount of non-cancelled orders in the window'),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(3),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  aov: {
    section: 1,
    name: t('笔单价', 'Average order value (AOV)'),
    definition: t('平均每笔订单的金额', 'Average amount per order'),
    formula: t('GMV ÷ 订单数', 'GMV ÷ orders'),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(3),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  arpu: {
    section: 1,
    name: t('客单价（ARPU）', 'Revenue per buyer (ARPU)'),
    definition: t(
      '平均每位购买客户贡献的成交额，私域通常更高',
      'Average GMV per buyer; usually higher in private',
    ),
    formula: t('GMV ÷ 购买客户数', 'GMV ÷ buyers'),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(4),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  purchase_frequency: {
    section: 1,
    name: t('购买频次', 'Purchase frequency'),
    definition: t(
      '平均每位购买客户的下单次数；365天窗口即年购买次数',
      'Orders per buyer; on a 365-day window, purchases per customer per year',
    ),
    formula: t('订单数 ÷ 购买客户数', 'Orders ÷ buyers'),
    unit: 'per_buyer',
    goodDirection: 'up',
    defaultTarget: null,
    benchmarks: [
      {
        segment: 'public',
        basis: 'absolute',
        value: 1.2,
        note: t(
          '天猫用户平均购买 1.2 次就流失（365天窗口）',
          'Tmall buyers churn after 1.2 purchases on average (365-day window)',
        ),
      },
      {
        segment: 'private',
        basis: 'absolute',
        value: 2.1,
        note: t(
          '私域用户一年平均购买 2.1 次（365天窗口）',
          'Private members buy 2.1 times a year on average (365-day window)',
        ),
      },
    ],
    source: pitfall(2),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  repeat_purchase_rate: {
    section: 1,
    name: t('复购率', 'Repeat purchase rate'),
    definition: t(
      '窗口内下单 ≥2 次的客户占购买客户的比例',
      'Share of buyers with 2 or more orders in the window',
    ),
    formula: t(
      '窗口内下单 ≥2 次的客户数 ÷ 购买客户数',
      'Buyers with ≥ 2 orders in the window ÷ buyers',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(1),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  return_rate: {
    section: 1,
    name: t('退货率', 'Return rate'),
    definition: t(
      '窗口内发生退货的订单占比',
      'Share of the orders in the window that were returned',
    ),
    formula: t('退货订单数 ÷ 订单数', 'Returned orders ÷ orders'),
    unit: 'ratio',
    goodDirection: 'down',
    defaultTarget: null,
    benchmarks: [
      {
        segment: 'private',
        basis: 'relative_to_public',
        value: 0.6,
        note: t(
          '私域用户的退货率比公域低 40%',
          'Private members return 40% less than public buyers',
        ),
      },
    ],
    source: pitfall(2),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  repeat_revenue_share: {
    section: 1,
    name: t('复购GMV占比', 'Repeat revenue share'),
    definition: t(
      '来自非首单（复购订单）的成交额占比',
      'Share of GMV from orders that are not the customer’s first ever',
    ),
    formula: t(
      '非客户首单的订单金额 ÷ GMV',
      'GMV of orders that are not the customer’s first-ever order ÷ GMV',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    benchmarks: [
      {
        segment: 'private',
        basis: 'absolute',
        value: 0.7,
        note: t(
          '私域 70% 的收益来自复购用户',
          'About 70% of private revenue comes from repeat buyers',
        ),
      },
    ],
    source: pitfall(1),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  commission_saved: {
    section: 1,
    name: t('节省平台佣金', 'Platform commission saved'),
    definition: t(
      '私域成交无需向平台交抽成，按参考佣金率折算的节省额',
      'Commission a platform would have taken on private orders, at the reference rate',
    ),
    formula: t(
      'Σ 该客群在私域渠道的订单金额 × 工作区参考平台佣金率（默认 5%）',
      'Σ amount of the segment’s orders in private channels × the workspace reference platform commission rate (default 5%)',
    ),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(2),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  gross_profit: {
    section: 1,
    name: t('毛利', 'Gross profit'),
    definition: t('窗口内订单毛利合计', 'Total gross profit of the orders in the window'),
    formula: t(
      'Σ 订单毛利（未提供时按 金额 × 工作区默认毛利率）',
      'Σ order gross profit (where missing, amount × the workspace default margin)',
    ),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(4),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },

  // ── 2. Lifetime value and retention ──────────────────────────────────────────────────────
  retention: {
    section: 2,
    name: t('同期群留存率', 'Cohort retention'),
    definition: t(
      '某月同期群客户在第 k 个月仍有下单的比例（按首单月或入私域月分群）',
      'Share of a monthly cohort that orders again in month k (cohort by first order or private join)',
    ),
    formula: t(
      '同期群 c 在 c+k 月有 ≥1 单的客户数 ÷ 同期群 c 的客户数',
      'Customers of cohort c with ≥ 1 order in month c+k ÷ customers in cohort c',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(1),
    segments: BOTH_AND_ALL,
    grain: 'cohort',
  },
  ltv_historical: {
    section: 2,
    name: t('历史LTV（累计客户价值）', 'Historical LTV'),
    definition: t(
      '同期群客户从首月到第 k 个月的人均累计成交额（或毛利）',
      'Cumulative GMV (or gross profit) per cohort customer from month 0 to month k',
    ),
    formula: t(
      'Σ 同期群 c 在 c…c+k 月的 GMV（或毛利） ÷ 同期群人数',
      'Σ GMV (or gross profit) of cohort c in months c…c+k ÷ cohort size',
    ),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(1),
    segments: BOTH_AND_ALL,
    grain: 'cohort',
  },
  ltv_predicted: {
    section: 2,
    name: t('预测LTV', 'Predicted LTV'),
    definition: t(
      '每位客户未来 H 个月（默认12）的预期折现毛利',
      'Expected discounted gross profit per customer over the next H months (default 12)',
    ),
    formula: t(
      'BG/NBD 预期购买次数 × Gamma-Gamma 预期单笔毛利，按月折现（默认每月 1%）',
      'BG/NBD expected purchases × Gamma-Gamma expected profit per order, discounted monthly (default 1%)',
    ),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: preActions('4.1 明确战略目标:先问“为什么做私域”'),
    segments: BOTH_AND_ALL,
    grain: 'customer',
  },
  p_alive: {
    section: 2,
    name: t('存活概率', 'Probability alive'),
    definition: t(
      '客户仍处于活跃（未流失）状态的概率',
      'Probability that a customer is still active (not lost)',
    ),
    formula: t(
      'BG/NBD 模型按购买次数、最近购买与观察期计算',
      'From the BG/NBD model given frequency, recency and age',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(1),
    segments: BOTH_AND_ALL,
    grain: 'customer',
  },
  private_members: {
    section: 2,
    name: t('私域会员数', 'Private members'),
    definition: t(
      '窗口结束时已加入且未离开私域的客户数',
      'Customers in the private domain at the window’s end',
    ),
    formula: t(
      '入私域时间 ≤ 窗口结束 且 未在此前离开 的客户数',
      'Customers with joined_private_at ≤ window end and not left before it',
    ),
    unit: 'count',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(3),
    segments: PRIVATE,
    grain: 'window',
  },
  new_private_members: {
    section: 2,
    name: t('新增私域会员', 'New private members'),
    definition: t(
      '窗口内新加入私域（加企微/微信或进群）的客户数',
      'Customers who joined the private domain in the window',
    ),
    formula: t('入私域时间落在窗口内的客户数', 'Customers with joined_private_at in the window'),
    unit: 'count',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(3),
    segments: PRIVATE,
    grain: 'window',
  },
  churned_members: {
    section: 2,
    name: t('流失会员数（单删/退群）', 'Churned members'),
    definition: t(
      '窗口内单删或退群离开私域的会员数',
      'Members who deleted the brand or left in the window',
    ),
    formula: t('离开私域时间落在窗口内的会员数', 'Members with left_private_at in the window'),
    unit: 'count',
    goodDirection: 'down',
    defaultTarget: null,
    source: preActions('场景一:只见战术,不见战略'),
    segments: PRIVATE,
    grain: 'window',
  },
  member_churn_rate: {
    section: 2,
    name: t('会员流失率', 'Member churn rate'),
    definition: t(
      '窗口内流失会员占窗口开始时会员数的比例',
      'Churned members as a share of members at the window’s start',
    ),
    formula: t(
      '流失会员数 ÷ 窗口开始时的私域会员数',
      'Churned members ÷ private members at the window’s start',
    ),
    unit: 'ratio',
    goodDirection: 'down',
    defaultTarget: null,
    source: preActions('场景一:只见战术,不见战略'),
    segments: PRIVATE,
    grain: 'window',
  },

  // ── 3. Economics ────────────────────────────────────────────────────────────────────────
  private_roi: {
    section: 3,
    name: t('私域ROI', 'Private-domain ROI'),
    definition: t(
      '私域投入产出比，按归属私域的 GMV 计算',
      'Return on private-domain spend, on the GMV credited to private',
    ),
    formula: t(
      '(私域GMV × 毛利率 − 固定成本) ÷ (人力成本 + 工具成本 + 流量采购成本 + 试错成本)',
      '(private GMV × gross margin − fixed costs) ÷ (labor + tools + traffic purchase + trial and error)',
    ),
    unit: 'multiple',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
  },
  public_cac: {
    section: 3,
    name: t('公域获客成本（CAC）', 'Public customer acquisition cost (CAC)'),
    definition: t(
      '公域每获得一位新客的流量采购成本',
      'Public traffic spend per new customer acquired in public',
    ),
    formula: t(
      '公域流量采购成本 ÷ 首单在公域渠道的新客数',
      'Public traffic-purchase cost ÷ new customers whose first-ever order was in a public channel',
    ),
    unit: 'money',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(4),
    segments: PUBLIC,
    grain: 'window',
  },
  nurture_cost: {
    section: 3,
    name: t('私域养客成本', 'Private nurture cost'),
    definition: t('私域每新增一位会员的投入', 'Private spend per new private member'),
    formula: t(
      '(人力 + 工具 + 流量 + 试错成本) ÷ 新增私域会员数',
      '(labor + tools + traffic + trial costs) ÷ new private members',
    ),
    unit: 'money',
    goodDirection: 'down',
    defaultTarget: {
      comparator: '<=',
      value: 3,
      relativeTo: 'public_cac',
      note: t(
        '私域养客成本 ≤ 公域获客成本 × 3（获客 ¥100 → 上限 ¥300）',
        'Nurture cost ≤ 3 × public CAC (CAC ¥100 → ceiling ¥300)',
      ),
    },
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
  },
  nurture_cost_ratio: {
    section: 3,
    name: t('养客成本/获客成本倍数', 'Nurture cost in CACs'),
    definition: t(
      '私域养客成本是公域获客成本的几倍',
      'Private nurture cost as a multiple of public CAC',
    ),
    formula: t('私域养客成本 ÷ 公域获客成本', 'Nurture cost ÷ public CAC'),
    unit: 'multiple',
    goodDirection: 'down',
    defaultTarget: {
      comparator: '<=',
      value: 3,
      note: t('上限为 3 倍获客成本', 'Ceiling: 3 × CAC'),
    },
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
  },
  budget_split: {
    section: 3,
    name: t('预算分配（622法则）', 'Budget split (60/20/20)'),
    definition: t(
      '私域投入（不含人力与固定成本）按用途的占比：冷启动、工具、存量营销及试错',
      'Private spend (excluding labor and fixed) by purpose: cold start, tools, stock marketing and trial',
    ),
    formula: t(
      '流量 / 工具 / 试错 各自 ÷ 三者之和，与 60/20/20 比较',
      'Traffic, tools and trial each ÷ their sum, compared with 60/20/20',
    ),
    unit: 'ratio',
    goodDirection: 'neutral',
    defaultTarget: null,
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
    breakdown: 'budget_purpose',
  },
  budget_share_cold_start: {
    section: 3,
    name: t('冷启动预算占比', 'Cold-start budget share'),
    definition: t(
      '种子用户冷启动（流量采购）在预算中的占比',
      'Share of the budget for seed-user cold start (traffic)',
    ),
    formula: t('流量成本 ÷ (流量 + 工具 + 试错成本)', 'Traffic ÷ (traffic + tools + trial)'),
    unit: 'ratio',
    goodDirection: 'neutral',
    defaultTarget: { comparator: '=', value: 0.6, note: BUDGET_RULE },
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
  },
  budget_share_tools: {
    section: 3,
    name: t('工具提效预算占比', 'Tools budget share'),
    definition: t(
      '工具提效（自动回复、数据看板等）在预算中的占比',
      'Share of the budget for tools (auto-reply, dashboards…)',
    ),
    formula: t('工具成本 ÷ (流量 + 工具 + 试错成本)', 'Tools ÷ (traffic + tools + trial)'),
    unit: 'ratio',
    goodDirection: 'neutral',
    defaultTarget: { comparator: '=', value: 0.2, note: BUDGET_RULE },
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
  },
  budget_share_stock_and_trial: {
    section: 3,
    name: t('存量营销及试错预算占比', 'Stock marketing and trial budget share'),
    definition: t(
      '存量营销及试错（活动补贴、优化SOP等）在预算中的占比',
      'Share of the budget for stock marketing and trial (subsidies, SOP tests…)',
    ),
    formula: t('试错成本 ÷ (流量 + 工具 + 试错成本)', 'Trial ÷ (traffic + tools + trial)'),
    unit: 'ratio',
    goodDirection: 'neutral',
    defaultTarget: { comparator: '=', value: 0.2, note: BUDGET_RULE },
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'window',
  },
  cost_balance_month: {
    section: 3,
    name: t('成本平衡点', 'Cost balance point'),
    definition: t(
      '私域累计毛利首次覆盖累计成本的月份（上线当月为第 1 个月）',
      'First month where cumulative private gross profit covers cumulative private cost (launch month = 1)',
    ),
    formula: t(
      '最小的 m，使 Σ 第 1…m 月私域毛利 ≥ Σ 第 1…m 月私域成本',
      'Smallest m with Σ private gross profit of months 1…m ≥ Σ private cost of months 1…m',
    ),
    unit: 'months',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'since_launch',
  },
  roi_convergence_month: {
    section: 3,
    name: t('ROI趋同点', 'ROI convergence point'),
    definition: t(
      '私域累计ROI首次追上公域累计ROI的月份（上线当月为第 1 个月）',
      'First month where cumulative private ROI reaches cumulative public ROI (launch month = 1)',
    ),
    formula: t(
      '最小的 m，使 第 1…m 月累计私域ROI ≥ 同期累计公域ROI',
      'Smallest m with cumulative private ROI over months 1…m ≥ cumulative public ROI',
    ),
    unit: 'months',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(4),
    segments: PRIVATE,
    grain: 'since_launch',
  },

  // ── 4. Attribution and team KPIs ─────────────────────────────────────────────────────────
  credited_gmv: {
    section: 4,
    name: t('业绩归属GMV', 'Credited GMV'),
    definition: t(
      '按业绩归属规则分给公域与私域的成交额，两者之和恰为 GMV',
      'GMV credited to public and private by the attribution rule; the two sum to GMV exactly',
    ),
    formula: t(
      '公域首单 100% 归公域；私域首单按比例 s（默认 50%）归私域；会员复购 100% 归私域；非会员复购 100% 归公域',
      'Public first order 100% public; private first order split s (default 50%) private; later orders by members 100% private, by non-members 100% public',
    ),
    unit: 'money',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(6),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },
  guide_rate: {
    section: 4,
    name: t('私域导流完成率', 'Guide-to-private rate'),
    definition: t(
      '公域触点（如直播间）观众中被引导加入私域的比例',
      'Share of a public touchpoint’s audience (e.g. live viewers) added to private',
    ),
    formula: t(
      '来自该公域触点的私域加粉数 ÷ 触点观众数',
      'Private adds from the public touchpoint ÷ its audience',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: {
      comparator: '>=',
      value: 0.05,
      note: t('直播间引导加粉率 ≥ 5%', 'Live-room add rate ≥ 5%'),
    },
    source: pitfall(6),
    segments: PUBLIC,
    grain: 'window',
  },
  response_rate_48h: {
    section: 4,
    name: t('48小时响应率', '48-hour response rate'),
    definition: t(
      '客户首次发消息后 48 小时内得到员工首次回复的会话占比',
      'Share of conversations whose first staff reply came within 48 h of the first inbound message',
    ),
    formula: t(
      '首次回复 ≤ 首条消息后 48 小时的会话数 ÷ 窗口内开始的会话数',
      'Conversations answered ≤ 48 h after the first inbound message ÷ conversations started in the window',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(6),
    segments: PRIVATE,
    grain: 'window',
  },
  median_first_response: {
    section: 4,
    name: t('首次响应时长（中位数）', 'Median first-response time'),
    definition: t(
      '客户首条消息到员工首次回复的时长中位数',
      'Median time from the first inbound message to the first staff reply',
    ),
    formula: t(
      '窗口内开始且已回复的会话的（首次回复 − 首条消息）时长中位数',
      'Median of (first response − first inbound) over answered conversations started in the window',
    ),
    unit: 'hours',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(6),
    segments: PRIVATE,
    grain: 'window',
  },
  first_order_conversion: {
    section: 4,
    name: t('首单转化率', 'First-order conversion'),
    definition: t(
      '新会员入私域后 30 天内下单的比例（仅统计已满 30 天的会员）',
      'Share of new members who order within 30 days of joining (only members 30 days on)',
    ),
    formula: t(
      '入私域 30 天内下单的新会员数 ÷ 窗口内已满 30 天的新会员数',
      'New members in the window who ordered within 30 days of joining ÷ new members whose 30 days have passed',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(6),
    segments: PRIVATE,
    grain: 'window',
  },
  repurchase_conversion: {
    section: 4,
    name: t('复购转化率', 'Repurchase conversion'),
    definition: t(
      '首单在窗口内的客户 90 天内再次下单的比例（仅统计已满 90 天的客户）',
      'Share of customers with a first-ever order in the window who order again within 90 days (90 days on)',
    ),
    formula: t(
      '90 天内再次下单的新客数 ÷ 首单在窗口内且已满 90 天的客户数',
      'Customers who ordered again within 90 days ÷ customers with a first-ever order in the window and 90 days on',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(6),
    segments: BOTH_AND_ALL,
    grain: 'window',
  },

  // ── 5. Communities ──────────────────────────────────────────────────────────────────────
  activity_rate: {
    section: 5,
    name: t('群活跃率', 'Group activity rate'),
    definition: t(
      '当天在群里发言的成员占群成员的比例',
      'Share of group members who spoke that day',
    ),
    formula: t('活跃成员数 ÷ 群成员数', 'Active members ÷ members'),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },
  group_joins: {
    section: 5,
    name: t('进群人数', 'Group joins'),
    definition: t(
      '窗口内加入该群的人数（群统计导出的每日进群数之和）',
      'People who joined the group in the window (the daily joins of the group statistics, summed)',
    ),
    formula: t('Σ 每日进群人数', 'Σ daily joins'),
    unit: 'count',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },
  group_leaves: {
    section: 5,
    name: t('退群人数', 'Group leaves'),
    definition: t(
      '窗口内退出该群的人数（群统计导出的每日退群数之和）',
      'People who left the group in the window (the daily leaves of the group statistics, summed)',
    ),
    formula: t('Σ 每日退群人数', 'Σ daily leaves'),
    unit: 'count',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },
  hollow_growth: {
    section: 5,
    name: t('虚假繁荣预警（群员数上涨，活跃度下滑）', 'Hollow growth alert'),
    definition: t(
      '近 4 周群成员数上升而活跃率下降的群：表面热闹，实则空心',
      'Groups whose members trend up while the activity rate trends down over the last 4 weeks',
    ),
    formula: t(
      '近 28 天 群成员数趋势上升（默认 ≥ 2%）且 群活跃率趋势下降（默认 ≥ 2%）的群数，趋势为最小二乘变化 ÷ 均值',
      'Groups whose members trend up (default ≥ 2%) while the activity rate trends down (default ≥ 2%) over 28 days; trend = least-squares change ÷ mean',
    ),
    unit: 'count',
    goodDirection: 'down',
    defaultTarget: null,
    source: preActions('场景二:只顾拉人,不顾留人'),
    segments: PRIVATE,
    grain: 'group',
  },
  internal_member_ratio: {
    section: 5,
    name: t('内部账号占比（自己人）', 'Internal member ratio'),
    definition: t(
      '群内安排的内部员工账号占群成员的比例',
      'Own staff accounts placed in a group, as a share of its members',
    ),
    formula: t('内部账号数 ÷ 群成员数', 'Internal members ÷ members'),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: {
      comparator: '>=',
      value: 0.05,
      note: t(
        '每100人的群至少安排5个内部账号，但不能刷屏；案例：200人新群安排10个内部账号，48小时转化率达27%，客单价提升40%',
        'At least 5 internal accounts per 100 members, without flooding; case: 10 in a 200-member group, 27% conversion in 48 h, order value +40%',
      ),
    },
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },
  internal_message_share: {
    section: 5,
    name: t('内部账号发言占比', 'Internal message share'),
    definition: t(
      '群消息中由内部账号发出的比例，过高即刷屏式表演',
      'Share of group messages written by internal accounts; too high is flooding',
    ),
    formula: t('内部账号消息数 ÷ 群消息数', 'Messages by internal members ÷ messages'),
    unit: 'ratio',
    goodDirection: 'down',
    defaultTarget: {
      comparator: '<=',
      value: 0.5,
      note: t('超过 50% 标记为刷屏', 'Above 50% is flagged as flooding'),
    },
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },
  cold_start_activity_48h: {
    section: 5,
    name: t('新群48小时活跃率', 'New-group activity, first 48 h'),
    definition: t(
      '新群建群后前 48 小时（前 2 天）的平均活跃率',
      'Mean daily activity rate of a new group over its first 48 h (2 days)',
    ),
    formula: t(
      '前 2 天 Σ 活跃成员数 ÷ Σ 群成员数',
      'Σ active members ÷ Σ members over the first 2 days',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },
  cold_start_activity_3d: {
    section: 5,
    name: t('新群前3天活跃率', 'New-group activity, first 3 days'),
    definition: t(
      '新群前 3 天的平均活跃率：前3天没撑起来基本就废了',
      'Mean daily activity rate of a new group over its first 3 days',
    ),
    formula: t(
      '前 3 天 Σ 活跃成员数 ÷ Σ 群成员数',
      'Σ active members ÷ Σ members over the first 3 days',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(7),
    segments: PRIVATE,
    grain: 'group',
  },

  // ── 6. Account risk ─────────────────────────────────────────────────────────────────────
  active_adds: {
    section: 6,
    name: t('主动加人数', 'Active adds'),
    definition: t(
      '员工账号当天主动添加好友的人数',
      'Friends a staff account added on its own initiative that day',
    ),
    formula: t('账号当日主动添加数', 'Active adds per account per day'),
    unit: 'count',
    goodDirection: 'neutral',
    defaultTarget: {
      comparator: '<=',
      value: 10,
      note: t(
        '新号（不满90天）建议每天主动添加 3–5 人，超过 10 人预警',
        'New accounts (under 90 days): 3–5 a day recommended, alert above 10',
      ),
    },
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'account_day',
  },
  passive_adds: {
    section: 6,
    name: t('被动加人数', 'Passive adds'),
    definition: t(
      '员工账号当天通过好友申请被动添加的人数',
      'Friend requests a staff account accepted that day',
    ),
    formula: t('账号当日被动添加数', 'Passive adds per account per day'),
    unit: 'count',
    goodDirection: 'neutral',
    defaultTarget: { comparator: '<=', value: 30, note: NEW_ACCOUNT },
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'account_day',
  },
  mass_sends: {
    section: 6,
    name: t('群发次数', 'Mass sends'),
    definition: t('员工账号当天的群发次数', 'Mass messages a staff account sent that day'),
    formula: t('账号当日群发次数', 'Mass sends per account per day'),
    unit: 'count',
    goodDirection: 'down',
    defaultTarget: {
      comparator: '<=',
      value: 1,
      note: NEW_ACCOUNT,
    },
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'account_day',
  },
  complaints: {
    section: 6,
    name: t('投诉数', 'Complaints'),
    definition: t(
      '员工账号当天收到的用户投诉数',
      'User complaints a staff account received that day',
    ),
    formula: t('账号当日投诉数', 'Complaints per account per day'),
    unit: 'count',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'account_day',
  },
  risk_alerts: {
    section: 6,
    name: t('风险预警数', 'Risk alerts'),
    definition: t(
      '触发红线（超量加人、超频群发）的预警次数，不含建议',
      'Alerts raised for crossing a red line (too many adds or mass sends); advice not counted',
    ),
    formula: t(
      '每个账号·天·规则计一次：新号主动添加 > 10、被动添加 > 30 或群发 > 1（群发规则可设为对所有账号）',
      'One per account, day and rule: new accounts with active adds > 10, passive adds > 30 or mass sends > 1 (the mass-send rule can cover all accounts)',
    ),
    unit: 'count',
    goodDirection: 'down',
    defaultTarget: null,
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'window',
  },
  backup_coverage: {
    section: 6,
    name: t('备用账号覆盖率', 'Backup coverage'),
    definition: t(
      '有备用账号的主账号占比（备用账号矩阵）',
      'Share of main accounts that have a backup account',
    ),
    formula: t('有备用账号的主账号数 ÷ 主账号数', 'Main accounts with a backup ÷ main accounts'),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'window',
  },
  compliance_rate: {
    section: 6,
    name: t('合规率', 'Compliance rate'),
    definition: t(
      '当月无任何预警的账号占比，合规奖金的依据',
      'Share of accounts with no alert in the month; basis of the compliance bonus',
    ),
    formula: t(
      '当月有操作（加人、群发或投诉）且无预警的账号数 ÷ 当月有操作的账号数',
      'Accounts active in the month (adds, mass sends or complaints) with no alert ÷ active accounts',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: pitfall(10),
    segments: PRIVATE,
    grain: 'window',
  },

  // ── 7. Value tiers ──────────────────────────────────────────────────────────────────────
  tier_size: {
    section: 7,
    name: t('分层客户数（高价值/潜力/普通客户）', 'Customers by tier'),
    definition: t(
      '高价值客户、潜力客户、普通客户各有多少人',
      'Number of high-value, potential and ordinary customers',
    ),
    formula: t(
      '高价值 = 365天消费额前 20% 且 ≥2 单；潜力 = 其余中 90 天内下单或预测LTV前 40%；普通 = 其余',
      'High value = top 20% by 365-day spend and ≥ 2 orders; potential = else ordered in 90 days or top 40% predicted LTV; ordinary = the rest',
    ),
    unit: 'count',
    goodDirection: 'neutral',
    defaultTarget: null,
    source: preActions('5.2 分层调研:不同用户价值的差异'),
    segments: ALL,
    grain: 'window',
    breakdown: 'tier',
  },
  tier_gmv_share: {
    section: 7,
    name: t('分层GMV占比', 'GMV share by tier'),
    definition: t('各层客户贡献的成交额占比', 'Share of GMV contributed by each tier'),
    formula: t('该层客户的 GMV ÷ GMV', 'GMV of the tier’s customers ÷ GMV'),
    unit: 'ratio',
    goodDirection: 'neutral',
    defaultTarget: null,
    source: preActions('5.2 分层调研:不同用户价值的差异'),
    segments: ALL,
    grain: 'window',
    breakdown: 'tier',
  },
  tier_transitions: {
    section: 7,
    name: t('分层迁移', 'Tier transitions'),
    definition: t(
      '相邻两周之间从一层移到另一层的客户数',
      'Customers who moved from one tier to another week over week',
    ),
    formula: t(
      '上周在 A 层、本周在 B 层的客户数（每对 A→B）',
      'Customers in tier A last week and tier B this week, per pair A→B',
    ),
    unit: 'count',
    goodDirection: 'neutral',
    defaultTarget: null,
    source: preActions('5.2 分层调研:不同用户价值的差异'),
    segments: ALL,
    grain: 'window',
    breakdown: 'tier_transition',
  },

  // ── 8. Strategy and readiness ───────────────────────────────────────────────────────────
  goal_progress: {
    section: 8,
    name: t('目标完成率', 'Goal progress'),
    definition: t(
      '某指标在本期的实际值相对目标的完成程度',
      'How far a metric has come towards its target for the period',
    ),
    formula: t(
      '本期实际值 ÷ 本期目标值（越低越好的指标取 目标值 ÷ 实际值）',
      'Actual ÷ target for the period (target ÷ actual where lower is better)',
    ),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: null,
    source: preActions('4.1 明确战略目标:先问“为什么做私域”'),
    segments: ALL,
    grain: 'goal',
  },
  readiness_score: {
    section: 8,
    name: t('私域准备度评分', 'Readiness score'),
    definition: t(
      '从用户基础、运营能力、资源和流程、心态四个维度自评是否准备好做私域',
      'Self-assessment of user base, operating capability, resources and process, and mindset',
    ),
    formula: t(
      '各维度自评得分（0–100），总分为四维平均',
      'Score per dimension (0–100); the total is the mean of the four',
    ),
    unit: 'score',
    goodDirection: 'up',
    defaultTarget: null,
    source: preActions('六、如何判断企业“准备好了没”'),
    segments: ALL,
    grain: 'assessment',
    breakdown: 'readiness_dimension',
  },
  pre_actions_done: {
    section: 8,
    name: t('五大前置动作完成度', 'Pre-actions done'),
    definition: t(
      '战略目标、用户洞察、内容与触点、流量与渠道、组织与流程五项中已完成的比例',
      'Share of the five pre-actions done: goals, user insight, content and touchpoints, traffic and channels, organisation and process',
    ),
    formula: t('清单中已勾选的前置动作数 ÷ 5', 'Checked pre-actions on the checklist ÷ 5'),
    unit: 'ratio',
    goodDirection: 'up',
    defaultTarget: {
      comparator: '>=',
      value: 1,
      note: t('五大前置动作缺一不可', 'All five are needed'),
    },
    source: preActions('四、企业做私域的“五大前置动作”框架'),
    segments: ALL,
    grain: 'assessment',
  },
  organisation_stage: {
    section: 8,
    name: t('组织阶段', 'Organisation stage'),
    definition: t(
      '按私域上线月数判断的组织阶段：0→1 小组、1→10 独立部门、10→100 用户运营中心',
      'Stage by months since private launch: 0→1 a small group, 1→10 a department, 10→100 a user-operations centre',
    ),
    formula: t(
      '上线 ≤ 6 个月为 0→1；不满 24 个月为 1→10（满 12 个月后向用户运营中心过渡）；满 24 个月为 10→100',
      '≤ 6 months since launch: 0→1; under 24 months: 1→10 (past 12, moving towards a centre); 24 months or more: 10→100',
    ),
    unit: 'stage',
    goodDirection: 'neutral',
    defaultTarget: null,
    source: pitfall(8),
    segments: ALL,
    grain: 'since_launch',
  },
};

function freeze(id: MetricId): MetricDefinition {
  const d = DEFINITIONS[id];
  return Object.freeze({
    id,
    ...d,
    benchmarks: Object.freeze([...(d.benchmarks ?? [])]),
    breakdown: d.breakdown ?? null,
    aggregation: SUMMED.has(id) ? 'sum' : 'level',
  });
}

/** Every metric, in METRICS.md order. */
export const catalog: readonly MetricDefinition[] = Object.freeze(METRIC_IDS.map(freeze));

const byId = new Map<string, MetricDefinition>(catalog.map((m) => [m.id, m]));

export function isMetricId(x: unknown): x is MetricId {
  return typeof x === 'string' && byId.has(x);
}

/** The catalog record of a metric id; throws a RangeError on an unknown id. */
export function metricById(id: string): MetricDefinition {
  const m = byId.get(id);
  if (!m) throw new RangeError(`unknown metric id: ${JSON.stringify(id)}`);
  return m;
}

export function metricsInSection(section: CatalogSection): readonly MetricDefinition[] {
  return catalog.filter((m) => m.section === section);
}

/** The metric's name in a locale, e.g. for chart titles. */
export function metricName(id: MetricId, locale: Locale): string {
  return metricById(id).name[locale];
}
