/**
 * The demo brand's story in one place. Every figure here is a knob of the generators; the
 * comments tie each to the seed articles (/work/shared/seeds: "000" = 投入私域前必看！8000字避开10个
 * 亏钱大坑, "002" = the five pre-actions) and to METRICS.md. The brand is a mother-and-baby
 * (母婴) brand selling on Tmall, JD, Douyin and in its own stores, which launched its private
 * domain (企业微信 + 社群 + 小程序) 30 months before the data ends.
 *
 * Rates are per year unless noted; durations in days; money in yuan unless the name says fen.
 */
import type { Domain } from '../db/schema.js';

export const DEMO_SLUG = 'demo';
export const DEMO_NAME = '演示品牌 Demo Brand';
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
/**
 * The demo's own zone is UTC+8 all year (China has had no DST since 1991), so local dates are
 * computed with this fixed offset: cheap enough for 10M orders and exact for Asia/Shanghai.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The data ends (exclusive) at the first day of the last full month before 2026-10-31, so the
 * demo is identical whenever it is loaded: days 2023-10-01 … 2026-09-30.
 */
export const DEFAULT_END_DATE = '2026-10-01';

/** The end a user's demo gets: today in Shanghai, so its data runs up to yesterday. */
export function demoEndToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
export const HISTORY_MONTHS = 36;
/** Private launch 30 months before the end (METRICS §8: a 10→100 organisation by now). */
export const LAUNCH_MONTHS_BEFORE_END = 30;

export interface ChannelSpec {
  code: string;
  name: string;
  domain: Domain;
  kind: string;
  /** Platform commission (扣点); null for own channels. */
  commissionRate: number | null;
  /** Gross margin of an order in this channel (after platform discounts, before commission). */
  margin: number;
}

export const CHANNELS: readonly ChannelSpec[] = [
  {
    code: 'tmall',
    name: '天猫',
    domain: 'public',
    kind: 'marketplace',
    commissionRate: 0.05,
    margin: 0.4,
  },
  {
    code: 'jd',
    name: '京东',
    domain: 'public',
    kind: 'marketplace',
    commissionRate: 0.05,
    margin: 0.38,
  },
  {
    code: 'douyin',
    name: '抖音',
    domain: 'public',
    kind: 'live',
    commissionRate: 0.06,
    margin: 0.35,
  },
  {
    code: 'store',
    name: '门店',
    domain: 'public',
    kind: 'offline',
    commissionRate: null,
    margin: 0.46,
  },
  {
    code: 'wecom',
    name: '企业微信',
    domain: 'private',
    kind: 'wecom',
    commissionRate: null,
    margin: 0.5,
  },
  {
    code: 'community',
    name: '社群',
    domain: 'private',
    kind: 'community',
    commissionRate: null,
    margin: 0.48,
  },
  {
    code: 'miniprogram',
    name: '小程序',
    domain: 'private',
    kind: 'miniprogram',
    commissionRate: null,
    margin: 0.5,
  },
];

export const PUBLIC_CHANNELS = ['tmall', 'jd', 'douyin', 'store'] as const;
export const PRIVATE_CHANNELS = ['wecom', 'community', 'miniprogram'] as const;

export const STORY = {
  customers: {
    /** New customers per unit time grow linearly: the last month sees 1 + growth times the first. */
    growth: 1.6,
    /** Where public customers first buy (000 Q1: "天猫平台上的用户…"). */
    publicChannelWeights: [0.42, 0.16, 0.3, 0.12] as const,
    /** After launch, a few customers arrive straight into the mini-program or WeCom. */
    directPrivateShare: 0.07,
    privateChannelWeights: [0.35, 0.2, 0.45] as const,
    /**
     * 包裹卡/门店导流/直播间引导: a public customer acquired after launch joins WeCom or a group with
     * this probability, a few days after the first order (mostly after it).
     */
    joinAfterFirstOrder: 0.33,
    joinDelayMeanDays: 10,
    /** Customers from before the launch are invited too, over the first months. */
    joinStock: 0.2,
    joinStockDelayMeanDays: 150,
    /** 单删/退群: a few members leave (000 intro: "拉群发券→用户单删"). */
    leaveShare: 0.05,
    leaveDelayMeanDays: 150,
  },
  purchases: {
    /**
     * Purchase rate of an active customer, orders per year: Gamma(shape, mean) across customers
     * (BG/NBD-style heterogeneity), times privateRateMultiplier while a member.
     */
    rateShape: 2,
    publicRateMean: 1.6,
    privateRateMultiplier: 2.1,
    /**
     * After each purchase the customer drops out for good with this probability: public customers
     * "buy 1.2 times and are gone" (000 Q2: 天猫平台上的用户平均购买1.2次就流失了), members stay
     * (私域用户这一年平均购买次数能达到2.1次). Targets: 1.2 vs 2.1 purchases per buyer per year.
     */
    publicDropout: 0.62,
    privateDropout: 0.2,
    /** While a member, this share of orders goes to private channels; the rest stay public. */
    privateChannelShare: 0.78,
    /** A public customer's repeat order stays in the acquisition channel with this probability. */
    stickToAcquisitionChannel: 0.75,
  },
  /**
   * Selection (issue 15): loyal customers join more often. By first channel, which the matched
   * comparison sees: store customers (门店导购加企微) buy more often and are added far more often;
   * Douyin live-room impulse buyers buy less often and join less. Within a channel, joining is
   * unrelated to the customer's own purchase rate. Multipliers of the purchase rate and of the
   * chance to join (after the first order, and for the stock invited after launch).
   */
  selection: {
    store: { rate: 1.8, join: 2.0 },
    douyin: { rate: 0.7, join: 0.6 },
  } as Readonly<Record<string, { rate: number; join: number }>>,

  orders: {
    /** Order value: log-normal around a median (yuan); members spend a little more (ARPU 私域高). */
    medianYuan: 168,
    sigma: 0.55,
    privateAmountFactor: 1.08,
    /**
     * First orders' value relative to the others (1 = same). A lever for the private repeat
     * share (私域70%的收益来自复购用户, 000 Q1): with 1 it lands at ≈ 0.69 from the purchase process.
     */
    firstOrderFactor: 1.0,
    /** A cancelled attempt precedes this share of orders (cancelled orders never count). */
    cancelledShare: 0.03,
    /**
     * Returns: members return 40% less (000 Q2: 私域用户的退货率比公域低40%). Ratio target 0.6.
     */
    publicReturnRate: 0.1,
    privateReturnRate: 0.06,
    /** A returned order is refunded in full this often, else partly. */
    fullRefundShare: 0.75,
    marginJitter: 0.04,
  },
  costs: {
    /**
     * Private costs run ahead of private gross profit for the first months and cross in this
     * month since launch (000 Q4: 成本平衡点, "私域需承担前期固定投入"). Target 8–12.
     */
    costBalanceMonth: 10,
    /** Running private costs as a share of the month's private gross profit, plus a floor. */
    runningShareOfGrossProfit: 0.5,
    /** The running cost's floor (a minimal team), yuan per month per 20,000 customers of scale. */
    runningFloorYuan: 4_000,
    /** Labor and fixed as shares of the running private cost; the rest is the 60/20/20 budget. */
    laborShare: 0.4,
    fixedShare: 0.05,
    /** 000 Q4 (622法则): 60% cold start (traffic), 20% tools, 20% stock marketing and trial. */
    budgetSplit: { traffic: 0.6, tools: 0.2, trial: 0.2 } as const,
    budgetJitter: 0.03,
    /** Public ad spend per new public customer, yuan (公域获客成本, 000 example ¥100). */
    publicCacYuan: 110,
    publicCacJitter: 0.15,
    /** Public channel operations staff per month, yuan per 1,000 customers of scale. */
    publicLaborYuanPer1000: 2_600,
  },
  live: {
    /** Live sessions per week on Douyin and Tmall after launch. */
    sessionsPerWeek: { douyin: 3, tmall: 1 } as const,
    viewersMedianPer1000Customers: 110,
    /** 直播间引导加粉率 ≥ 5% (000 Q6); sessions spread 2–9%. */
    guideRateMean: 0.05,
    guideRateMin: 0.02,
    guideRateMax: 0.09,
  },
  conversations: {
    /** Members who start a 1:1 conversation with their staff account. */
    perMember: 0.6,
    /** First response: mostly minutes to hours (48小时响应率, 000 Q6). */
    responseMedianMinutes: 25,
    responseSigma: 2.0,
    /** Replies later than 48 h on top of the log-normal tail, and never answered. */
    lateShare: 0.04,
    unansweredShare: 0.02,
  },
  accounts: {
    /** 备用账号矩阵 (000 Q10): main WeCom accounts, most with a backup. */
    mainAccounts: 12,
    withBackup: 9,
    /** Accounts registered within the last 90 days (red lines apply to new accounts). */
    young: 3,
    /** 红线 (000 Q10): active adds 3–5 recommended, alert > 10; passive ≤ 30; mass sends ≤ 1. */
    redLineDays: 6,
  },
  communities: {
    /** Groups to build (000 Q7); see generate-communities.ts for each one's role. */
    groups: 16,
    /** ≥ 5 internal accounts per 100 members in healthy groups (每100人的群至少安排5个内部账号). */
    internalPer100: 6,
  },
} as const;

export type Story = typeof STORY;

/**
 * The true effect of joining the private domain that the demo carries (issue 15), for tests and
 * docs to cite: while a member, a customer buys at `purchaseRateMultiplier` × their own rate, and
 * after each order drops out with `dropoutWhileMember` instead of `dropoutOtherwise` (also for
 * orders in the 45 days before joining: the package card arrives with the parcel). Its value per
 * member over N months is measured against each member's own never-joined path
 * (demo/join-effect.ts trueJoinLift), since a multiplier on a rate and a dropout have no
 * closed-form per-member lift.
 */
export const JOIN_EFFECT = {
  purchaseRateMultiplier: STORY.purchases.privateRateMultiplier,
  dropoutWhileMember: STORY.purchases.privateDropout,
  dropoutOtherwise: STORY.purchases.publicDropout,
} as const;
