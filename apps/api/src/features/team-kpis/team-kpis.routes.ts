import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { resolveDateRange } from '../../http/schemas.js';
import { teamKpisQuery, teamKpisResponse } from './team-kpis.schema.js';
import { cachedTeamKpis } from './team-kpis.service.js';

export function teamKpisRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/team-kpis',
      summary: 'Team KPIs: guide rate, 48 h response rate, median first response',
      description:
        'METRICS §4 over the window [from, to), as of the current 10-minute step of the clock. first_order_conversion and repurchase_conversion are served for windows up to 92 days (else listed in notServed). Kept per data version: the first request after an import computes it.',
      minRole: 'viewer',
      query: teamKpisQuery,
      response: teamKpisResponse,
      handler: ({ db, workspace, query }) =>
        cachedTeamKpis(db, workspace, resolveDateRange(query, workspace.time_zone)),
    }),
  ];
}
