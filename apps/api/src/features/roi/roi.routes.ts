import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { resolveDateRange } from '../../http/schemas.js';
import { roiQuery, roiResponse } from './roi.schema.js';
import { cachedRoi } from './roi.service.js';

export function roiRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/roi',
      summary: 'Private ROI, public CAC, nurture cost, 60/20/20 budget split and cumulative curves',
      description:
        'METRICS §3 over the window [from, to). Money in yuan. Monthly costs count only for months wholly inside the window. The cumulative curves run monthly from the private launch month to the month of the last day of the window. Kept per data version: the first request after an import computes it.',
      minRole: 'viewer',
      query: roiQuery,
      response: roiResponse,
      handler: ({ db, workspace, query }) =>
        cachedRoi(db, workspace, resolveDateRange(query, workspace.time_zone)),
    }),
  ];
}
