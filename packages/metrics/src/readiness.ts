/**
 * Strategy and readiness (METRICS.md §8; seed 002 §4 and §6, seed 000 Q8): the readiness
 * self-assessment over four dimensions, the five pre-actions checklist, and the organisation
 * stage from months since private launch.
 */
import { ratio, type Evidence } from './evidence.js';
import type { Localized } from './locale.js';

export type ReadinessDimension =
  'user_base' | 'operating_capability' | 'resources_process' | 'mindset';

export const READINESS_DIMENSIONS: readonly {
  id: ReadinessDimension;
  label: Localized;
  /** Seed 002 §6 sub-section. */
  source: string;
}[] = [
  { id: 'user_base', label: { 'zh-CN': '用户基础', en: 'User base' }, source: '6.1' },
  {
    id: 'operating_capability',
    label: { 'zh-CN': '运营能力', en: 'Operating capability' },
    source: '6.2',
  },
  {
    id: 'resources_process',
    label: { 'zh-CN': '资源和流程', en: 'Resources and process' },
    source: '6.3',
  },
  { id: 'mindset', label: { 'zh-CN': '心态', en: 'Mindset' }, source: '6.4' },
];

/** 'scale': 0 (not at all) … 5 (fully); 'yes_no': yes counts as 5, no as 0. */
export type AnswerKind = 'scale' | 'yes_no';

export interface ReadinessQuestion {
  id: string;
  dimension: ReadinessDimension;
  kind: AnswerKind;
  text: Localized;
}

function q(
  id: string,
  dimension: ReadinessDimension,
  kind: AnswerKind,
  zh: string,
  en: string,
): ReadinessQuestion {
  return { id, dimension, kind, text: { 'zh-CN': zh, en } };
}

/** The question set, three or four per dimension, taken from seed 002 §6.1–6.4. */
export const READINESS_QUESTIONS: readonly ReadinessQuestion[] = [
  q(
    'ub_core_users',
    'user_base',
    'scale',
    '我们清楚核心用户是谁。',
    'We know who our core users are.',
  ),
  q(
    'ub_needs',
    'user_base',
    'scale',
    '我们了解核心用户的需求和偏好。',
    'We understand our core users’ needs and preferences.',
  ),
  q(
    'ub_volume',
    'user_base',
    'yes_no',
    '现有用户量足以支撑持续的互动和复购。',
    'Our user base is large enough to sustain ongoing interaction and repeat purchase.',
  ),
  q(
    'oc_content',
    'operating_capability',
    'scale',
    '团队能稳定产出内容和活动。',
    'The team can produce content and campaigns steadily.',
  ),
  q(
    'oc_follow_up',
    'operating_capability',
    'scale',
    '有客服或运营持续跟进用户互动。',
    'Service or operations staff follow up user interactions continuously.',
  ),
  q(
    'oc_data',
    'operating_capability',
    'scale',
    '具备数据分析和用户分层的能力。',
    'We can analyse data and segment users.',
  ),
  q(
    'rp_plan',
    'resources_process',
    'yes_no',
    '已有内容和活动规划。',
    'We have a content and campaign plan.',
  ),
  q(
    'rp_segments',
    'resources_process',
    'yes_no',
    '已有清晰的用户分层策略。',
    'We have a clear user segmentation strategy.',
  ),
  q(
    'rp_data_flow',
    'resources_process',
    'yes_no',
    '已有数据收集和分析流程。',
    'We have a process for collecting and analysing data.',
  ),
  q(
    'rp_incentives',
    'resources_process',
    'scale',
    '奖励机制和用户反馈闭环已经建立。',
    'Incentive mechanisms and a user-feedback loop are in place.',
  ),
  q(
    'ms_long_term',
    'mindset',
    'scale',
    '我们把私域视为长期资产，而非短期营销渠道。',
    'We treat the private domain as a long-term asset, not a short-term sales channel.',
  ),
  q(
    'ms_iterate',
    'mindset',
    'scale',
    '我们接受从零开始、不断优化的过程。',
    'We accept starting from zero and improving step by step.',
  ),
  q(
    'ms_value',
    'mindset',
    'scale',
    '我们关注长期用户价值，而非单次销量。',
    'We focus on long-term user value rather than one-off sales.',
  ),
];

/** An answer: 0–5 for 'scale' questions (clamped), true/false for 'yes_no'. */
export type ReadinessAnswer = number | boolean;

export interface DimensionScore {
  dimension: ReadinessDimension;
  label: Localized;
  /** 0–100, the mean of the answered questions; null when none was answered. */
  score: number | null;
  answered: number;
  questions: number;
}

export interface ReadinessResult {
  dimensions: DimensionScore[];
  /** Mean of the four dimension scores (0–100); null until every dimension has an answer. */
  overall: number | null;
  answered: number;
  questions: number;
  /** Dimensions scoring below the threshold (weakest first): where to work before launch. */
  gaps: ReadinessDimension[];
  /** Every dimension scored and at or above the threshold. */
  ready: boolean;
  reason?: string;
}

/** A dimension below this score (0–100) counts as a gap; a default, not from the article. */
export const READINESS_GAP_THRESHOLD = 60;

/** An answer on the 0–100 scale (scale × 20, yes = 100, no = 0); null when unusable. */
function points(question: ReadinessQuestion, answer: ReadinessAnswer): number | null {
  if (question.kind === 'yes_no') return typeof answer === 'boolean' ? (answer ? 100 : 0) : null;
  if (typeof answer !== 'number' || !Number.isFinite(answer)) return null;
  return Math.min(5, Math.max(0, answer)) * 20;
}

/**
 * Scores the self-assessment. Each answer becomes 0–100 (scale × 20, yes = 100, no = 0); a
 * dimension's score is the mean over its answered questions; the overall score is the mean of the
 * four dimensions (as the catalog says), null while a dimension has no answer. Answers to unknown
 * question ids or of the wrong kind are ignored.
 */
export function scoreReadiness(
  answers: Readonly<Record<string, ReadinessAnswer | null | undefined>>,
  options: { questions?: readonly ReadinessQuestion[]; gapThreshold?: number } = {},
): ReadinessResult {
  const questions = options.questions ?? READINESS_QUESTIONS;
  const threshold = options.gapThreshold ?? READINESS_GAP_THRESHOLD;
  let answeredTotal = 0;
  const dimensions = READINESS_DIMENSIONS.map((d): DimensionScore => {
    const own = questions.filter((x) => x.dimension === d.id);
    const values: number[] = [];
    for (const question of own) {
      const answer = answers[question.id];
      if (answer === null || answer === undefined) continue;
      const p = points(question, answer);
      if (p !== null) values.push(p);
    }
    answeredTotal += values.length;
    return {
      dimension: d.id,
      label: d.label,
      score: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
      answered: values.length,
      questions: own.length,
    };
  });
  const complete = dimensions.every((d) => d.score !== null);
  const overall = complete
    ? dimensions.reduce((sum, d) => sum + d.score!, 0) / dimensions.length
    : null;
  const gaps = dimensions
    .filter((d) => d.score !== null && d.score < threshold)
    .sort((a, b) => a.score! - b.score!)
    .map((d) => d.dimension);
  const result: ReadinessResult = {
    dimensions,
    overall,
    answered: answeredTotal,
    questions: questions.length,
    gaps,
    ready: complete && gaps.length === 0,
  };
  if (!complete) result.reason = 'every dimension needs at least one answer';
  return result;
}

export type PreActionId =
  | 'strategic_goals'
  | 'user_insight'
  | 'content_touchpoints'
  | 'traffic_channels'
  | 'organisation_process';

export interface PreAction {
  id: PreActionId;
  /** Seed 002 §4.x. */
  source: string;
  title: Localized;
  items: readonly Localized[];
}

function l(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}

/** The five pre-actions (seed 002 §4), each with what it asks for. */
export const PRE_ACTIONS: readonly PreAction[] = [
  {
    id: 'strategic_goals',
    source: '4.1',
    title: l('明确战略目标：先问“为什么做私域”', 'Set the strategic goal: why a private domain?'),
    items: [
      l(
        '目的：提升复购、促进拉新，还是打造品牌忠诚度',
        'Purpose: repeat purchase, acquisition or brand loyalty',
      ),
      l(
        '指标：会员复购率、活跃人数、LTV 等关键指标',
        'KPIs: member repeat rate, active users, LTV…',
      ),
      l(
        '边界：资源限制、团队能力和可承载的用户规模',
        'Boundaries: resources, team capability, how many users it can serve',
      ),
    ],
  },
  {
    id: 'user_insight',
    source: '4.2',
    title: l('用户洞察与画像：了解你的私域对象', 'User insight and personas: know who you serve'),
    items: [
      l(
        '行为维度：购买频次、渠道偏好、互动习惯',
        'Behaviour: purchase frequency, channel preference, interaction habits',
      ),
      l(
        '心理维度：需求痛点、决策动机、信息接受偏好',
        'Psychology: pain points, motives, how they like to receive information',
      ),
      l('价值维度：高价值用户与潜力用户的划分', 'Value: high-value and potential users'),
    ],
  },
  {
    id: 'content_touchpoints',
    source: '4.3',
    title: l('内容与触点规划：先有体系，再求落地', 'Plan content and touchpoints: a system first'),
    items: [
      l(
        '触点设计：公众号、视频号、企业微信、社群等节点',
        'Touchpoints: official account, Channels, WeCom, groups…',
      ),
      l(
        '内容矩阵：日常内容、活动内容、服务内容的组合',
        'Content mix: everyday, campaign and service content',
      ),
      l(
        '节奏规划：推送频率、互动节奏、活动周期',
        'Cadence: posting frequency, interaction rhythm, campaign cycle',
      ),
    ],
  },
  {
    id: 'traffic_channels',
    source: '4.4',
    title: l(
      '流量与渠道布局：抓住最合适的入口',
      'Lay out traffic and channels: pick the right entrances',
    ),
    items: [
      l('触达渠道梳理：自有、社交与线下渠道', 'Map reach: owned, social and offline channels'),
      l('导流策略设计：从公域引导到私域入口', 'Design how public traffic is guided into private'),
      l(
        '闭环监控：每条渠道数据可追踪、来源清晰',
        'Close the loop: every channel traceable, sources clear',
      ),
    ],
  },
  {
    id: 'organisation_process',
    source: '4.5',
    title: l(
      '组织与流程建设：把私域落地变成可复用机制',
      'Build organisation and process: make it repeatable',
    ),
    items: [
      l(
        '组织分工：运营、内容、客服、数据分析的职责',
        'Roles: operations, content, service, data analysis',
      ),
      l(
        'SOP流程：进群、分层、互动、促活、复购标准化',
        'SOPs: joining, segmenting, engaging, reactivating, repeat purchase',
      ),
      l('数据反馈机制：关键指标监控与复盘', 'Feedback: KPI monitoring and reviews'),
    ],
  },
];

export interface PreActionsProgress extends Evidence {
  done: PreActionId[];
  missing: PreActionId[];
}

/** pre_actions_done: how many of the five pre-actions are checked (value = share, numerator = count). */
export function preActionsProgress(
  checked: Readonly<Partial<Record<PreActionId, boolean>>>,
): PreActionsProgress {
  const done = PRE_ACTIONS.filter((a) => checked[a.id] === true).map((a) => a.id);
  const missing = PRE_ACTIONS.filter((a) => checked[a.id] !== true).map((a) => a.id);
  return { ...ratio(done.length, PRE_ACTIONS.length), done, missing };
}

export type OrganisationStageId = '0_to_1' | '1_to_10' | '10_to_100';

export interface OrganisationStage {
  stage: OrganisationStageId;
  /** The catalog's stage unit: 1 = 0→1, 2 = 1→10, 3 = 10→100. */
  number: 1 | 2 | 3;
  /** Past the 1→10 year but not yet at 2 years: a department growing towards a centre. */
  transitioning: boolean;
  /** The stage that comes next; null at 10→100. */
  next: OrganisationStageId | null;
  label: Localized;
  description: Localized;
}

const STAGES: Record<
  OrganisationStageId,
  { number: 1 | 2 | 3; label: Localized; description: Localized }
> = {
  '0_to_1': {
    number: 1,
    label: l('从0到1（6个月内）', '0 → 1 (first 6 months)'),
    description: l(
      '单独成立私域运营小组，联动各协同部门，探索适合自己的私域运营模式。',
      'A small private-domain team, working with the other departments, exploring an operating model that fits.',
    ),
  },
  '1_to_10': {
    number: 2,
    label: l('从1到10（1年内）', '1 → 10 (within a year)'),
    description: l(
      '私域小组升级为独立部门，直接向一把手汇报，厘清公私域部门边界，获得更多资源支持。',
      'The team becomes an independent department reporting to the top, with clear public/private boundaries and more resources.',
    ),
  },
  '10_to_100': {
    number: 3,
    label: l('从10到100（2年+）', '10 → 100 (2 years and more)'),
    description: l(
      '拆分为用户运营中心，涵盖会员部门（会员体系建设与管理）和社群部门（社群运营与维护）。',
      'A user-operations centre with a membership department (the membership system) and a community department (the groups).',
    ),
  },
};

const TRANSITION_DESCRIPTION = l(
  '独立部门阶段已满1年、尚未满2年：巩固独立部门，同时为拆分会员与社群部门、建设用户运营中心做准备。',
  'Past a year as an independent department but not yet two: consolidate it while preparing the membership and community departments of a user-operations centre.',
);

/**
 * The organisation stage for whole months since private launch (monthsBetween(launch, now)):
 * ≤ 6 → 0→1; ≤ 12 → 1→10; 12 < m < 24 → still 1→10, `transitioning` towards 10→100 (the
 * seed names no stage for the second year); ≥ 24 → 10→100. Null before launch or on a
 * non-finite input.
 */
export function organisationStage(monthsSinceLaunch: number): OrganisationStage | null {
  if (!Number.isFinite(monthsSinceLaunch) || monthsSinceLaunch < 0) return null;
  const id: OrganisationStageId =
    monthsSinceLaunch <= 6 ? '0_to_1' : monthsSinceLaunch < 24 ? '1_to_10' : '10_to_100';
  const transitioning = id === '1_to_10' && monthsSinceLaunch > 12;
  const s = STAGES[id];
  return {
    stage: id,
    number: s.number,
    transitioning,
    next: id === '0_to_1' ? '1_to_10' : id === '1_to_10' ? '10_to_100' : null,
    label: s.label,
    description: transitioning ? TRANSITION_DESCRIPTION : s.description,
  };
}
