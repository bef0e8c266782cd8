import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { resolveDateRange } from '../../http/schemas.js';
import { teamKpisQuery, teamKpisResponse } from './team-kpis.schema.js';
import { teamKpis } from './team-kpis.service.js';

export function teamKpisRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/team-kpis',
      summary: 'Team KPIs: guide rate, 48 h response rate, median first response',
      description:
        'METRICS §4. first_order_conversion and repurchase_conversion are not served yet (listed in notServed).',
      minRole: 'viewer',
      query: teamKpisQuery,
      response: teamKpisResponse,
      handler: ({ db, workspace, query }) =>
        teamKpis(db, workspace, resolveDateRange(query, workspace.time_zone)),
    }),
  ];
}
