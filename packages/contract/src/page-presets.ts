/**
 * What each page asks for when it is opened with no search params: its preset window and
 * parameters (`pagePresets`, which the web pages read) and the cached requests they make on the
 * latest data day (`pageRequests`, which the API's warm-up computes). One declaration, so the
 * warm-up warms exactly the answers a page's first visit reads (decision 0010).
 */
import { addDays } from '@yugang/metrics';
import { attributionContract } from './attribution.js';
import { cohortsContract } from './cohorts.js';
import { ltvContract } from './ltv.js';
import { membershipContract } from './membership.js';
import {
  comparisonWindow,
  presetWindow,
  shiftYear,
  trendEnd,
  trendRange,
  type Comparison,
  type Preset,
} from './periods.js';
import { riskContract } from './risk.js';
import { roiContract } from './roi.js';
import type { RouteContract } from './route.js';
import { summaryContract } from './summary.js';
import { teamKpisContract } from './team-kpis.js';
import type { DateWindow } from './window.js';

/** The presets an analysis page's window picker offers (the trends page also has this week). */
export const WINDOW_PRESETS = [
  'last_week',
  'this_month',
  'last_month',
  'last_12_months',
  'custom',
] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

/** Each page's defaults: what it shows when its URL names nothing else. */
export const pagePresets = {
  compare: { preset: 'last_12_months' },
  roi: { preset: 'last_12_months' },
  risk: { preset: 'last_month' },
  attribution: { preset: 'last_12_months', grain: 'month' },
  trends: {
    preset: 'last_12_months',
    comparison: 'previous',
    /** Months each chart shows. */
    span: 12,
    /** Months after its first order a cohort's LTV is read at (the LTV chart). */
    ltvMonths: 6,
  },
  cohorts: { basis: 'first_order', group: 'all', maxK: 12 },
  ltv: { basis: 'first_order', measure: 'gmv', group: 'all', maxK: 12 },
  incrementality: { months: 6 },
} as const satisfies {
  compare: { preset: WindowPreset };
  roi: { preset: WindowPreset };
  risk: { preset: WindowPreset };
  attribution: { preset: WindowPreset; grain: 'month' | 'week' };
  trends: { preset: Preset; comparison: Comparison; span: 12 | 24; ltvMonths: number };
  cohorts: object;
  ltv: object;
  incrementality: object;
};

export interface TrendsChoice {
  preset: Preset;
  comparison: Comparison;
  span: number;
  /** A custom window, used when `preset` is 'custom'. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The windows of the trends page around the latest data day (inclusive). */
export function trendsFrame(choice: TrendsChoice, asOf: string) {
  const window: DateWindow =
    choice.preset === 'custom' && choice.from && choice.to && choice.from < choice.to
      ? { from: choice.from, to: choice.to }
      : pick(presetWindow(choice.preset === 'custom' ? 'last_12_months' : choice.preset, asOf));
  const against = comparisonWindow(window, choice.comparison);
  const lastDay = addDays(window.to, -1) < asOf ? addDays(window.to, -1) : asOf;
  const end = trendEnd(lastDay);
  const range = trendRange(end.day, choice.span);
  // A year before the months shown, so 同比 has its base.
  const fetchFrom = shiftYear(range.from, -1);
  return { window, against, end, range, fetchFrom };
}

export interface PageRequest {
  page: keyof typeof pagePresets;
  route: RouteContract;
  query: Record<string, string | number>;
}

/**
 * The requests to cached routes (`cache: 'data'`) each page makes when opened with no search
 * params, on the latest data day. Every analysis page also reads the default summary for that
 * day, a route default the warm-up computes anyway.
 */
export function pageRequests(latestDay: string): PageRequest[] {
  const windowOf = (preset: WindowPreset) =>
    pick(presetWindow(preset === 'custom' ? 'last_month' : preset, latestDay));
  const { compare, roi, risk, attribution, trends, cohorts, ltv } = pagePresets;
  const credit = { ...windowOf(attribution.preset), grain: attribution.grain };
  const frame = trendsFrame(trends, latestDay);
  const months = { grain: 'month', from: frame.fetchFrom, to: frame.range.to };
  return [
    { page: 'compare', route: summaryContract.get, query: windowOf(compare.preset) },
    { page: 'roi', route: roiContract.get, query: windowOf(roi.preset) },
    { page: 'risk', route: riskContract.get, query: windowOf(risk.preset) },
    { page: 'attribution', route: attributionContract.get, query: credit },
    { page: 'attribution', route: attributionContract.split, query: credit },
    { page: 'attribution', route: teamKpisContract.get, query: windowOf(attribution.preset) },
    { page: 'trends', route: summaryContract.get, query: { ...frame.window } },
    { page: 'trends', route: summaryContract.get, query: { ...frame.against } },
    { page: 'trends', route: attributionContract.get, query: months },
    { page: 'trends', route: membershipContract.trend, query: months },
    {
      page: 'trends',
      route: ltvContract.get,
      query: { asOf: frame.end.day.slice(0, 7), maxK: trends.ltvMonths },
    },
    { page: 'trends', route: roiContract.get, query: { ...frame.range } },
    {
      page: 'cohorts',
      route: cohortsContract.get,
      query: { basis: cohorts.basis, maxK: cohorts.maxK },
    },
    {
      page: 'ltv',
      route: ltvContract.get,
      query: { basis: ltv.basis, measure: ltv.measure, maxK: ltv.maxK },
    },
  ];
}

function pick({ from, to }: DateWindow): { from: string; to: string } {
  return { from, to };
}
