import type { Role } from '../src/db/schema.js';
import { roleAtLeast } from '../src/http/access.js';
import type { RouteDefinition } from '../src/http/route.js';
import type { CallerName, TestApp } from './fixtures.js';

/** One answer that broke the access contract. */
export interface Leak {
  route: string;
  caller: CallerName;
  workspace: 'own' | 'foreign' | 'missing';
  status: number;
  expected: string;
  body: unknown;
}

const CALLERS: CallerName[] = [
  'none',
  'outsider',
  'viewer',
  'readOnlyKey',
  'lead',
  'leadKey',
  'owner',
];
const MISSING_SLUG = 'no-such-workspace';

/** A value each non-`ws` path param accepts but that names nothing (so no row is touched). */
function placeholder(route: RouteDefinition, name: string): string {
  const schema = route.params?.shape[name];
  for (const candidate of ['2147483000', 'zz-isolation-probe']) {
    if (!schema || schema.safeParse(candidate).success) return candidate;
  }
  return 'zz-isolation-probe';
}

function pathFor(route: RouteDefinition, slug: string): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
    encodeURIComponent(name === 'ws' ? slug : placeholder(route, name)),
  );
}

/**
 * Calls every route in the kit as every caller and reports each answer that leaks: no
 * credentials → 401; a workspace the caller does not belong to, or that does not exist → 404
 * with the same body; a role below the route's minimum → 403; a sufficient role → neither
 * 401, 403 nor the workspace 404, and never a 5xx. Mutations send `{}` and path ids that name
 * nothing, so a permitted call fails validation or finds nothing instead of changing data.
 */
export async function findLeaks(t: TestApp, routes: readonly RouteDefinition[]): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const { fixture } = t;
  for (const route of routes) {
    const label = `${route.method.toUpperCase()} ${route.path}`;
    const send = (caller: CallerName, slug: string) =>
      t.call(route.method.toUpperCase(), pathFor(route, slug), {
        as: caller,
        ...(route.method === 'get' ? {} : { body: {} }),
      });
    if (!route.inWorkspace) {
      if (route.access === 'public') continue;
      const answer = await send('none', '');
      if (answer.status !== 401) {
        leaks.push({
          route: label,
          caller: 'none',
          workspace: 'own',
          status: answer.status,
          expected: '401',
          body: answer.body,
        });
      }
      continue;
    }
    const missing = await send('owner', MISSING_SLUG);
    const missingBody = JSON.stringify(missing.body).replaceAll(MISSING_SLUG, '<ws>');
    if (missing.status !== 404) {
      leaks.push({
        route: label,
        caller: 'owner',
        workspace: 'missing',
        status: missing.status,
        expected: '404',
        body: missing.body,
      });
    }
    const minRole = route.access as Role;
    for (const caller of CALLERS) {
      const targets: Array<['own' | 'foreign', string]> = [['own', fixture.workspace.slug]];
      if (caller !== 'outsider') targets.push(['foreign', fixture.foreign.slug]);
      for (const [which, slug] of targets) {
        const answer = await send(caller, slug);
        const role = which === 'own' ? fixture.roles[caller] : null;
        const body = JSON.stringify(answer.body).replaceAll(slug, '<ws>');
        const leak = (expected: string) =>
          leaks.push({
            route: label,
            caller,
            workspace: which,
            status: answer.status,
            expected,
            body: answer.body,
          });
        if (caller === 'none') {
          if (answer.status !== 401) leak('401');
        } else if (role === null) {
          if (answer.status !== 404 || body !== missingBody)
            leak(`404 like a missing workspace: ${missingBody}`);
        } else if (!roleAtLeast(role, minRole)) {
          if (answer.status !== 403) leak('403');
        } else if (
          answer.status === 401 ||
          answer.status === 403 ||
          (answer.status >= 500 && !(route.errors && answer.status in route.errors)) ||
          (answer.status === 404 && body === missingBody)
        ) {
          leak('allowed: not 401, 403, the workspace 404 or 5xx');
        }
      }
    }
  }
  return leaks;
}
