/**
 * The weekly review: composes the figures the feature services already answer (review-sources)
 * into sections, adds goals, the year-ago comparison, rule-based insights (@yugang/metrics) and
 * how fresh the data is. The PPTX, PDF and PNG exports all start from this answer.
 */
/* eslint-disable import-x/no-restricted-paths -- the review is where features are composed (like warm-up/): it reads each figure through the service that answers it */
import type { ReviewFigure, ReviewResponse, ReviewSectionId } from '@yugang/contract';
import {
  CATALOG_SECTIONS,
  localDateOf,
  metricById,
  reviewInsights,
  startOfLocalDate,
  type Evidence,
  type InsightFigure,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { dataFreshness } from '../../read-model/freshness.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { goalsWithProgress } from '../goals/goals.service.js';
import {
  alerts,
  creditedGmv,
  economics,
  members,
  team,
  weeklyCustomerValue,
  yearlyCustomerValue,
  type FigureData,
} from './review-sources.js';
import { firstOrderDay, latestImports } from './review.queries.js';
import { defaultWeek, reviewWindows, type ReviewWindows } from './review-window.js';

type Db = Kysely<Database>;
type Goals = Awaited<ReturnType<typeof goalsWithProgress>>['goals'];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const SECTION_TITLES: Record<ReviewSectionId, { 'zh-CN': string; en: string }> = {
  gmv: t('私域业绩', 'What private earned'),
  members: t('私域会员', 'Private members'),
  customer_value: t('客户价值：私域 vs 公域', 'Customer value: private vs public'),
  economics: t('投入产出', 'Economics'),
  team: t('团队考核', 'Team KPIs'),
  alerts: t('预警', 'Alerts'),
};

function goalFor(
  f: FigureData,
  goals: Goals,
  window: { from: string; to: string },
): ReviewFigure['goal'] {
  if (f.measure === 'value') {
    const g = goals.find(
      (x) =>
        x.metric === f.metric &&
        x.segment === f.segment &&
        x.periodStart < window.to &&
        x.periodEnd > window.from,
    );
    if (g) {
      return {
        target: g.target,
        comparator: metricById(f.metric).goodDirection === 'down' ? '<=' : '>=',
        source: 'goal',
        progress: g.progress.progress.value,
        periodStart: g.periodStart,
        periodEnd: g.periodEnd,
      };
    }
  }
  if (f.metric === 'nurture_cost') {
    if (f.ceiling === null || f.ceiling === undefined) return null;
    return {
      target: f.ceiling,
      comparator: '<=',
      source: 'ceiling',
      progress: null,
      periodStart: null,
      periodEnd: null,
    };
  }
  const target = metricById(f.metric).defaultTarget;
  if (!target || target.relativeTo || f.measure !== 'value') return null;
  const value = f.unit === 'money' ? target.value / 100 : target.value;
  return {
    target: value,
    comparator: target.comparator,
    source: 'catalog',
    progress: null,
    periodStart: null,
    periodEnd: null,
  };
}

function toFigure(f: FigureData, goals: Goals, firstDay: string | null): ReviewFigure {
  const n = f.points.length;
  const window = f.windows[n - 1]!;
  const hasYearAgo = firstDay !== null && f.yearAgoWindow.from >= firstDay;
  return {
    key: f.key,
    metric: f.metric,
    segment: f.segment,
    unit: f.unit,
    measure: f.measure,
    window,
    current: f.points[n - 1]!,
    previous: f.points[n - 2]!,
    yearAgo: hasYearAgo ? f.yearAgo : null,
    goal: goalFor(f, goals, window),
    series: f.windows.map((w, i) => ({ period: w.from, value: f.points[i]!.value })),
    seriesGrain: f.seriesGrain,
  };
}

/** The week a query asks for: its `week`, else the last complete week up to the latest data day. */
export async function reviewWeek(
  db: Db,
  workspace: Workspace,
  query: { week?: string | undefined },
  now: Date = new Date(),
): Promise<string> {
  if (query.week) return query.week;
  const freshness = await dataFreshness(db, workspace.id);
  return defaultWeek(freshness.latestDataDay ?? localDateOf(now, workspace.time_zone));
}

const STEP_MS = 10 * 60_000;

/**
 * The clock's 10-minute step: the review of a week not yet over, and the default week of a
 * workspace without data, move with it, so a kept review answer is keyed by it too.
 */
export const reviewClockStep = (now: number = Date.now()): string =>
  String(Math.floor(now / STEP_MS));

/**
 * Every figure of the review by section, kept per data version (readModelCache): the PDF's
 * browser asks for the same review the export just computed. A week not yet over is also keyed
 * by the 10-minute step of the clock, as the team KPIs judge open conversations at `now`.
 */
async function cachedFigures(db: Db, workspace: Workspace, windows: ReviewWindows, now: Date) {
  const { weeks, months } = windows;
  const open = startOfLocalDate(weeks.series.at(-1)!.to, workspace.time_zone) > now;
  const step = open ? String(Math.floor(now.getTime() / STEP_MS)) : 'closed';
  const at = open ? new Date(Number(step) * STEP_MS) : now;
  const { value } = await readModelCache.get(
    db,
    workspace.id,
    'review',
    [windows.week, workspace.time_zone, JSON.stringify(workspace.settings), step],
    async (): Promise<[ReviewSectionId, FigureData[]][]> => {
      const [gmv, memberFigures, weekly, yearly, money, kpis, warnings] = await Promise.all([
        creditedGmv(db, workspace, weeks),
        members(db, workspace, weeks),
        weeklyCustomerValue(db, workspace, weeks),
        yearlyCustomerValue(db, workspace, weeks),
        economics(db, workspace, months),
        team(db, workspace, weeks, at),
        alerts(db, workspace, weeks),
      ]);
      return [
        ['gmv', gmv],
        ['members', memberFigures],
        ['customer_value', [...yearly, ...weekly]],
        ['economics', money],
        ['team', kpis],
        ['alerts', warnings],
      ];
    },
    () => 64 * 1024,
  );
  return value;
}

export async function review(
  db: Db,
  workspace: Workspace,
  query: { week?: string | undefined },
  now: Date = new Date(),
): Promise<ReviewResponse> {
  const [freshness, imports, firstDay] = await Promise.all([
    dataFreshness(db, workspace.id),
    latestImports(db, workspace.id),
    firstOrderDay(db, workspace.id),
  ]);
  const latestDay = freshness.latestDataDay ?? localDateOf(now, workspace.time_zone);
  const windows = reviewWindows(query.week ?? defaultWeek(latestDay));
  const { weeks } = windows;
  const current = weeks.series.at(-1)!;
  const [goals, bySection] = await Promise.all([
    goalsWithProgress(db, workspace, current.to).then((g) => g.goals),
    cachedFigures(db, workspace, windows, now),
  ]);
  const sections = bySection.map(([id, figures]) => ({
    id,
    title: SECTION_TITLES[id],
    figures: figures.map((f) => toFigure(f, goals, firstDay)),
  }));
  const all = sections.flatMap((s) => s.figures);
  const keyed = (pick: (f: ReviewFigure) => Evidence) =>
    Object.fromEntries(all.map((f) => [f.key, { ...pick(f), metric: f.metric } as InsightFigure]));
  const nurture = all.find((f) => f.key === 'nurture_cost');
  return {
    week: windows.week,
    window: current,
    previousWindow: weeks.series.at(-2)!,
    yearAgoWindow: weeks.yearAgo,
    timeZone: workspace.time_zone,
    filters: { segment: 'all', channels: 'all' },
    sections,
    insights: reviewInsights({
      figures: keyed((f) => f.current),
      previous: keyed((f) => f.previous),
      nurtureCeiling: nurture?.goal?.source === 'ceiling' ? nurture.goal.target : null,
    }),
    freshness: { latestDataDay: freshness.latestDataDay, imports },
  };
}

/** The catalog section name of a metric, for the appendix. */
export const sectionName = (section: number) =>
  CATALOG_SECTIONS.find((s) => s.section === section)?.name ?? t('', '');
