/**
 * Insight sentences for the weekly review, written by rules from the review's figures, in zh-CN
 * and en. Each insight names the figures it rests on (catalog id, review key, value). A rule says
 * nothing when its figures are missing, a denominator is zero, or too few customers or orders
 * stand behind a rate for it to mean anything.
 *
 * Money is in yuan here (as in the API's JSON); rates are fractions.
 */
import type { Evidence } from './evidence.js';
import {
  formatMoney,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatPercentPointDelta,
  formatPerBuyer,
} from './format.js';
import type { Localized } from './locale.js';

/** Fewer buyers (or orders) than this behind a rate and the rate's sentence is not written. */
export const MIN_INSIGHT_BASE = 30;
/** At most this many sentences; alerts come first. */
export const MAX_INSIGHTS = 5;
/** A private/public gap smaller than this (in rate points) is not worth a sentence. */
export const MIN_RATE_GAP = 0.005;

export interface InsightFigure extends Evidence {
  metric: string;
}

export interface ReviewInsightInput {
  /** This period's figures by review key (e.g. purchase_frequency_private). */
  figures: Readonly<Record<string, InsightFigure | undefined>>;
  /** The previous period's figures by the same keys (环比), when known. */
  previous?: Readonly<Record<string, InsightFigure | undefined>>;
  /** 3 × public CAC for the period of nurture_cost, in yuan; null when CAC is unknown. */
  nurtureCeiling?: number | null;
}

export interface Insight {
  rule: string;
  text: Localized;
  figures: { metric: string; key: string; value: number | null }[];
}

type Rule = (input: ReviewInsightInput) => Insight | null;

const yuan = (v: number, locale: 'zh-CN' | 'en') =>
  formatMoney(v, locale, { compact: v >= 100_000 });

/** The figures named, or null when any is missing or has no value. */
function values(input: ReviewInsightInput, keys: readonly string[]) {
  const out: (InsightFigure & { key: string; value: number })[] = [];
  for (const key of keys) {
    const f = input.figures[key];
    if (!f || f.value === null || !Number.isFinite(f.value)) return null;
    out.push({ ...f, key, value: f.value });
  }
  return out;
}

const named = (fs: readonly (InsightFigure & { key: string })[]) =>
  fs.map((f) => ({ metric: f.metric, key: f.key, value: f.value }));

const hollowGrowth: Rule = (input) => {
  const fs = values(input, ['hollow_growth']);
  if (!fs || fs[0]!.value <= 0) return null;
  const n = fs[0]!.value;
  return {
    rule: 'hollow_growth',
    text: {
      'zh-CN': `${n} 个社群出现虚假繁荣：成员在增加，活跃度却在下滑`,
      en: `${n} ${n === 1 ? 'group shows' : 'groups show'} hollow growth: members up, activity down`,
    },
    figures: named(fs),
  };
};

const redLines: Rule = (input) => {
  const fs = values(input, ['risk_alerts']);
  if (!fs || fs[0]!.value <= 0) return null;
  const n = fs[0]!.value;
  return {
    rule: 'risk_alerts',
    text: {
      'zh-CN': `本期触发 ${n} 次账号红线预警（超量加人或超频群发），需排查`,
      en: `${n} account red-line ${n === 1 ? 'alert' : 'alerts'} (too many adds or mass sends) this period: check the accounts`,
    },
    figures: named(fs),
  };
};

const creditedShare: Rule = (input) => {
  const fs = values(input, ['credited_gmv_private', 'credited_gmv_private_share']);
  if (!fs || fs[1]!.denominator <= 0) return null;
  const gmv = fs[0]!;
  const share = fs[1]!;
  const before = input.previous?.credited_gmv_private_share;
  const delta =
    before && before.value !== null && before.denominator > 0 ? share.value - before.value : null;
  const zhDelta = delta === null ? '' : `，环比 ${formatPercentPointDelta(delta, 'zh-CN')}`;
  const enDelta = delta === null ? '' : ` (${formatPercentPointDelta(delta, 'en')} on last period)`;
  return {
    rule: 'credited_share',
    text: {
      'zh-CN': `私域贡献 GMV ${yuan(gmv.value, 'zh-CN')}，占全部 GMV 的 ${formatPercent(share.value, 'zh-CN')}${zhDelta}`,
      en: `Private earned ${yuan(gmv.value, 'en')} of GMV, ${formatPercent(share.value, 'en')} of all GMV${enDelta}`,
    },
    figures: named(fs),
  };
};

const frequency: Rule = (input) => {
  const fs = values(input, ['purchase_frequency_private', 'purchase_frequency_public']);
  if (!fs || fs.some((f) => f.denominator < MIN_INSIGHT_BASE)) return null;
  const p = fs[0]!;
  const q = fs[1]!;
  const f = (v: number, l: 'zh-CN' | 'en') => formatPerBuyer(v, l);
  return {
    rule: 'purchase_frequency',
    text: {
      'zh-CN': `私域用户近一年人均购买 ${f(p.value, 'zh-CN')}，公域 ${f(q.value, 'zh-CN')}`,
      en: `Over the last year private customers bought ${f(p.value, 'en')} each, public ${f(q.value, 'en')}`,
    },
    figures: named(fs),
  };
};

const nurture: Rule = (input) => {
  const fs = values(input, ['nurture_cost']);
  const ceiling = input.nurtureCeiling;
  if (!fs || ceiling === null || ceiling === undefined || !(ceiling > 0)) return null;
  const cost = fs[0]!.value;
  const below = cost <= ceiling;
  return {
    rule: 'nurture_cost',
    text: {
      'zh-CN': `养客成本 ${yuan(cost, 'zh-CN')}，${below ? '低于' : '高于'}上限 ${yuan(ceiling, 'zh-CN')}（3 × 公域获客成本）`,
      en: `Nurture cost ${yuan(cost, 'en')} per new member, ${below ? 'below' : 'above'} its ceiling of ${yuan(ceiling, 'en')} (3 × public CAC)`,
    },
    figures: [...named(fs), { metric: 'public_cac', key: 'nurture_cost_ceiling', value: ceiling }],
  };
};

const roi: Rule = (input) => {
  const fs = values(input, ['private_roi']);
  if (!fs || fs[0]!.denominator <= 0) return null;
  const r = fs[0]!;
  return {
    rule: 'private_roi',
    text: {
      'zh-CN': `私域 ROI ${formatMultiple(r.value, 'zh-CN')}：毛利 ${yuan(r.numerator, 'zh-CN')} ÷ 投入 ${yuan(r.denominator, 'zh-CN')}`,
      en: `Private ROI ${formatMultiple(r.value, 'en')}: gross profit ${yuan(r.numerator, 'en')} ÷ spend ${yuan(r.denominator, 'en')}`,
    },
    figures: named(fs),
  };
};

function gapRule(rule: string, metric: string, zhName: string, enName: string): Rule {
  return (input) => {
    const fs = values(input, [`${metric}_private`, `${metric}_public`]);
    if (!fs || fs.some((f) => f.denominator < MIN_INSIGHT_BASE)) return null;
    const gap = fs[0]!.value - fs[1]!.value;
    if (Math.abs(gap) < MIN_RATE_GAP) return null;
    const p = (l: 'zh-CN' | 'en') => formatPercent(fs[0]!.value, l);
    const q = (l: 'zh-CN' | 'en') => formatPercent(fs[1]!.value, l);
    const pp = (l: 'zh-CN' | 'en') => formatPercentPointDelta(Math.abs(gap), l).replace(/^\+/, '');
    return {
      rule,
      text: {
        'zh-CN': `私域${zhName} ${p('zh-CN')}，公域 ${q('zh-CN')}，私域${gap > 0 ? '高' : '低'} ${pp('zh-CN')}`,
        en: `Private ${enName} ${p('en')} against public ${q('en')}, ${pp('en')} ${gap > 0 ? 'higher' : 'lower'}`,
      },
      figures: named(fs),
    };
  };
}

const response: Rule = (input) => {
  const fs = values(input, ['response_rate_48h']);
  if (!fs || fs[0]!.denominator < MIN_INSIGHT_BASE) return null;
  const r = fs[0]!;
  const n = (l: 'zh-CN' | 'en') => formatNumber(r.denominator, l, { digits: 0 });
  return {
    rule: 'response_rate_48h',
    text: {
      'zh-CN': `${n('zh-CN')} 个会话中 ${formatPercent(r.value, 'zh-CN')} 在 48 小时内得到回复`,
      en: `${formatPercent(r.value, 'en')} of ${n('en')} conversations got a reply within 48 hours`,
    },
    figures: named(fs),
  };
};

/** In order of importance: alerts, then what private earned and cost, then its customers. */
const RULES: readonly Rule[] = [
  hollowGrowth,
  redLines,
  creditedShare,
  frequency,
  nurture,
  roi,
  gapRule('repeat_purchase_rate', 'repeat_purchase_rate', '复购率', 'repeat-purchase rate'),
  gapRule('return_rate', 'return_rate', '退货率', 'return rate'),
  response,
];

/** Up to five insights the figures support, most important first. */
export function reviewInsights(input: ReviewInsightInput): Insight[] {
  const out: Insight[] = [];
  for (const rule of RULES) {
    const insight = rule(input);
    if (insight) out.push(insight);
    if (out.length === MAX_INSIGHTS) break;
  }
  return out;
}
