import { addDays, localDateOf } from '@yugang/metrics';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { communityQuery, communityResponse } from './community.schema.js';
import { community } from './community.service.js';

export function communityRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/community',
      summary: 'Group health, hollow-growth alerts, cold start of new groups, internal members',
      description:
        'METRICS §5. asOf is exclusive (default: tomorrow in the workspace time zone, so today counts). Cold start is shown for groups first seen in the 28 days before asOf.',
      minRole: 'viewer',
      query: communityQuery,
      response: communityResponse,
      handler: ({ db, workspace, query }) =>
        community(
          db,
          workspace,
          query.asOf ?? addDays(localDateOf(new Date(), workspace.time_zone), 1),
        ),
    }),
  ];
}
