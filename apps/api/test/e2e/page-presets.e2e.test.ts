/**
 * The pages take their defaults from @yugang/contract's `pagePresets`: each page opened with no
 * search params in the built web app (Chromium, demo workspace) asks the cached routes for
 * exactly what `pageRequests` says on the latest data day (the requests the API's warm-up
 * computes), besides the route defaults (no query string) that the warm-up computes anyway.
 */
import { contract, pageRequests, type PageRequest, type RouteContract } from '@yugang/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openDemoSite, type DemoSite } from './browser.js';

let site: DemoSite;

const run = browserAvailable('page presets e2e');

beforeAll(async () => {
  if (!run) return;
  site = await openDemoSite();
});
afterAll(() => site?.close());

const PREFIX = '/api/v1/workspaces/demo';

/** The GET routes whose answers the API keeps, as path patterns under PREFIX. */
const cachedRoutes = Object.values(contract)
  .flatMap((feature) => Object.values(feature as Record<string, RouteContract>))
  .filter((route) => route.cache === 'data' && route.method === 'get')
  .map((route) => ({
    path: route.path,
    pattern: new RegExp(`^${route.path.replace('/workspaces/:ws', '').replace(/:\w+/g, '[^/]+')}$`),
  }));

/** "path?query" with the query's fields sorted, for comparing URLs. */
function normalised(path: string, query: URLSearchParams): string {
  const sorted = [...query.entries()].sort(([a], [b]) => a.localeCompare(b));
  return `${path}?${new URLSearchParams(sorted).toString()}`;
}

function expected(request: PageRequest): string {
  const query = new URLSearchParams(
    Object.entries(request.query).map(([key, value]): [string, string] => [key, String(value)]),
  );
  return normalised(request.route.path.replace('/workspaces/:ws', ''), query);
}

const PAGES = ['trends', 'compare', 'roi', 'risk', 'attribution', 'cohorts', 'ltv'] as const;

describe.runIf(run)('the pages ask for what the contract presets say', () => {
  it('when each page opens with no search params, then its cached requests are the contract’s page requests', async () => {
    const { context } = await site.signedIn('en');
    const page = await context.newPage();
    const latest = await site.api<{ freshness: { latestDataDay: string } }>(
      page,
      '/metrics/summary',
    );
    const all = pageRequests(latest.freshness.latestDataDay);
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() !== 'GET' || !url.pathname.startsWith(PREFIX)) return;
      const path = url.pathname.slice(PREFIX.length);
      // Route defaults (no query string) are warmed for every cached route anyway.
      if (url.search === '' || !cachedRoutes.some((r) => r.pattern.test(path))) return;
      asked.push(normalised(path, url.searchParams));
    });
    for (const name of PAGES) {
      asked.length = 0;
      await page.goto(`${site.url}/w/demo/${name}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      const wanted = all.filter((r) => r.page === name).map(expected);
      expect(wanted.length, name).toBeGreaterThan(0);
      expect([...new Set(asked)].sort(), name).toEqual([...new Set(wanted)].sort());
    }
  });
});
