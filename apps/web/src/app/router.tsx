import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { ApiError } from '../lib/api-client';
import { meQueryOptions } from '../features/auth/api/get-me';
import { NotFoundPage, RootLayout } from './root-layout';
import { prefetch } from './prefetch';
import { Shell } from './shell';
import { loginSearch, reviewSearch, rootSearch, trendsSearch } from './search';
import {
  attributionSearch,
  cohortsSearch,
  communitySearch,
  compareSearch,
  ltvSearch,
  riskSearch,
  roiSearch,
  tiersSearch,
} from './pages/analysis-search';
import { incrementalitySearch } from '../features/incrementality/incrementality-search';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  validateSearch: rootSearch,
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

/** The signed-in user, or null when the session is missing or expired. */
async function sessionOf(queryClient: QueryClient) {
  try {
    return await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context, search }) => {
    const me = await sessionOf(context.queryClient);
    if (!me) throw redirect({ to: '/login', search: { ...search, redirect: undefined } });
    const first = me.memberships[0];
    if (!first) throw redirect({ to: '/login', search });
    throw redirect({ to: '/w/$ws/review', params: { ws: first.slug }, search });
  },
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: loginSearch,
  component: lazyRouteComponent(() => import('./pages/login-page'), 'LoginPage'),
});

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$ws',
  beforeLoad: async ({ context, location, params }) => {
    const me = await sessionOf(context.queryClient);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    const membership = me.memberships.find((m) => m.slug === params.ws);
    if (!membership) {
      const first = me.memberships[0];
      if (!first) throw redirect({ to: '/login', search: {} });
      throw redirect({ to: '/w/$ws/review', params: { ws: first.slug } });
    }
    return { membership };
  },
  component: Shell,
});

const workspaceIndexRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/w/$ws/review', params });
  },
});

const reviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/review',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.review(context.queryClient, params.ws, deps),
  validateSearch: reviewSearch,
  component: lazyRouteComponent(() => import('./pages/review-page'), 'ReviewPage'),
});

const trendsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/trends',
  loader: ({ context, params }) => prefetch.trends(context.queryClient, params.ws),
  validateSearch: trendsSearch,
  component: lazyRouteComponent(() => import('./pages/trends-page'), 'TrendsPage'),
});

const compareRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/compare',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.compare(context.queryClient, params.ws, deps),
  validateSearch: compareSearch,
  component: lazyRouteComponent(() => import('./pages/compare-page'), 'ComparePage'),
});

const cohortsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/cohorts',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.cohorts(context.queryClient, params.ws, deps),
  validateSearch: cohortsSearch,
  component: lazyRouteComponent(() => import('./pages/cohorts-page'), 'CohortsPage'),
});

const roiRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/roi',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.roi(context.queryClient, params.ws, deps),
  validateSearch: roiSearch,
  component: lazyRouteComponent(() => import('./pages/roi-page'), 'RoiPage'),
});

const tiersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/tiers',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.tiers(context.queryClient, params.ws, deps),
  validateSearch: tiersSearch,
  component: lazyRouteComponent(() => import('./pages/tiers-page'), 'TiersPage'),
});

const communityRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/community',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.community(context.queryClient, params.ws, deps),
  validateSearch: communitySearch,
  component: lazyRouteComponent(() => import('./pages/community-page'), 'CommunityPage'),
});

const riskRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/risk',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.risk(context.queryClient, params.ws, deps),
  validateSearch: riskSearch,
  component: lazyRouteComponent(() => import('./pages/risk-page'), 'RiskPage'),
});

const ltvRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/ltv',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.ltv(context.queryClient, params.ws, deps),
  validateSearch: ltvSearch,
  component: lazyRouteComponent(() => import('./pages/ltv-page'), 'LtvPage'),
});

const attributionRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/attribution',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => prefetch.attribution(context.queryClient, params.ws, deps),
  validateSearch: attributionSearch,
  component: lazyRouteComponent(() => import('./pages/attribution-page'), 'AttributionPage'),
});

const incrementalityRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/incrementality',
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    prefetch.incrementality(context.queryClient, params.ws, deps),
  validateSearch: incrementalitySearch,
  component: lazyRouteComponent(() => import('./pages/incrementality-page'), 'IncrementalityPage'),
});

const readinessRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/readiness',
  loader: ({ context, params }) => prefetch.readiness(context.queryClient, params.ws),
  component: lazyRouteComponent(() => import('./pages/readiness-page'), 'ReadinessPage'),
});

const goalsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/goals',
  loader: ({ context, params }) => prefetch.goals(context.queryClient, params.ws),
  component: lazyRouteComponent(() => import('./pages/goals-page'), 'GoalsPage'),
});

const displayRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/settings/display',
  component: lazyRouteComponent(() => import('./pages/display-page'), 'DisplayPage'),
});

const dataRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/data',
  component: lazyRouteComponent(() => import('./pages/data-page'), 'DataPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./pages/settings-page'), 'SettingsPage'),
});

const soonRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/soon/$page',
  component: lazyRouteComponent(() => import('./pages/coming-soon-page'), 'ComingSoonPage'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  workspaceRoute.addChildren([
    workspaceIndexRoute,
    reviewRoute,
    trendsRoute,
    compareRoute,
    cohortsRoute,
    roiRoute,
    tiersRoute,
    communityRoute,
    riskRoute,
    ltvRoute,
    attributionRoute,
    incrementalityRoute,
    readinessRoute,
    goalsRoute,
    displayRoute,
    dataRoute,
    settingsRoute,
    soonRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
