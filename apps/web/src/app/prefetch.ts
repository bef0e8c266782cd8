/**
 * What each page asks the API for first, started by its route's loader so the answers load while
 * the page's chunk does (and on hover, with the router's intent preload) instead of after the
 * page has mounted. Every entry builds the same query options, with the same keys, as the page's
 * own hooks, so the page finds the request in flight or answered. Failures are left to the page:
 * its own query shows the error and retries.
 */
import { pagePresets, type DateWindow, type WindowPreset } from '@yugang/contract';
import type { QueryClient, FetchQueryOptions } from '@tanstack/react-query';
import { attributionQueryOptions } from '../features/attribution/api/get-attribution';
import { cohortsQueryOptions } from '../features/cohorts/api/get-cohorts';
import { communityQueryOptions } from '../features/community/api/get-community';
import { goalsQueryOptions } from '../features/goals/api/goals';
import { incrementalityQueryOptions } from '../features/incrementality/api/get-incrementality';
import type { incrementalitySearch } from '../features/incrementality/incrementality-search';
import { ltvQueryOptions } from '../features/ltv/api/get-ltv';
import { ltvPredictedQueryOptions } from '../features/ltv/api/get-ltv-predicted';
import { readinessQueryOptions } from '../features/readiness/api/readiness';
import { reviewQueryOptions } from '../features/review/api/get-review';
import { riskQueryOptions } from '../features/risk/api/get-risk';
import { roiQueryOptions } from '../features/roi/api/get-roi';
import { summaryQueryOptions } from '../features/summary/api/get-summary';
import { teamKpisQueryOptions } from '../features/team-kpis/api/get-team-kpis';
import { tiersQueryOptions } from '../features/tiers/api/get-tiers';
import {
  windowOf,
  type attributionSearch,
  type cohortsSearch,
  type communitySearch,
  type ltvSearch,
  type tiersSearch,
  type WindowSearch,
} from './pages/analysis-search';
import type { z } from 'zod';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyOptions = FetchQueryOptions<any, any, any, any>;

function start(queryClient: QueryClient, ...all: AnyOptions[]) {
  for (const options of all) void queryClient.prefetchQuery(options);
}

/** The default summary (it carries the latest data day), then the window's own answers. */
function startWindowed(
  queryClient: QueryClient,
  ws: string,
  search: WindowSearch,
  fallback: WindowPreset,
  answers: (window: DateWindow) => AnyOptions[],
) {
  void queryClient
    .ensureQueryData(summaryQueryOptions(ws, {}))
    .then((summary) => {
      const day = summary.freshness.latestDataDay;
      if (day) start(queryClient, ...answers(windowOf(search, day, fallback)));
    })
    .catch(() => undefined);
}

export const prefetch = {
  review: (qc: QueryClient, ws: string, search: { week?: string | undefined }) =>
    start(qc, reviewQueryOptions(ws, { week: search.week })),
  trends: (qc: QueryClient, ws: string) => start(qc, summaryQueryOptions(ws, {})),
  compare: (qc: QueryClient, ws: string, search: WindowSearch) =>
    startWindowed(qc, ws, search, pagePresets.compare.preset, (w) => [summaryQueryOptions(ws, w)]),
  roi: (qc: QueryClient, ws: string, search: WindowSearch) =>
    startWindowed(qc, ws, search, pagePresets.roi.preset, (w) => [roiQueryOptions(ws, w)]),
  risk: (qc: QueryClient, ws: string, search: WindowSearch) =>
    startWindowed(qc, ws, search, pagePresets.risk.preset, (w) => [riskQueryOptions(ws, w)]),
  attribution: (qc: QueryClient, ws: string, search: z.output<typeof attributionSearch>) =>
    startWindowed(qc, ws, search, pagePresets.attribution.preset, (w) => [
      attributionQueryOptions(ws, { ...w, grain: search.grain ?? pagePresets.attribution.grain }),
      teamKpisQueryOptions(ws, w),
    ]),
  cohorts: (qc: QueryClient, ws: string, search: z.output<typeof cohortsSearch>) =>
    start(
      qc,
      cohortsQueryOptions(ws, {
        basis: search.basis ?? pagePresets.cohorts.basis,
        maxK: pagePresets.cohorts.maxK,
        ...(search.asOf ? { asOf: search.asOf } : {}),
      }),
    ),
  ltv: (qc: QueryClient, ws: string, search: z.output<typeof ltvSearch>) =>
    start(
      qc,
      ltvQueryOptions(ws, {
        basis: search.basis ?? pagePresets.ltv.basis,
        measure: search.measure ?? pagePresets.ltv.measure,
        maxK: pagePresets.ltv.maxK,
      }),
      ltvPredictedQueryOptions(ws, {}),
    ),
  tiers: (qc: QueryClient, ws: string, search: z.output<typeof tiersSearch>) =>
    start(qc, tiersQueryOptions(ws, search.asOf ? { asOf: search.asOf } : {})),
  community: (qc: QueryClient, ws: string, search: z.output<typeof communitySearch>) =>
    start(qc, communityQueryOptions(ws, search.asOf ? { asOf: search.asOf } : {})),
  incrementality: (qc: QueryClient, ws: string, search: z.output<typeof incrementalitySearch>) =>
    start(
      qc,
      incrementalityQueryOptions(ws, {
        months: search.months ?? pagePresets.incrementality.months,
      }),
    ),
  goals: (qc: QueryClient, ws: string) => start(qc, goalsQueryOptions(ws, {})),
  readiness: (qc: QueryClient, ws: string) => start(qc, readinessQueryOptions(ws)),
};
