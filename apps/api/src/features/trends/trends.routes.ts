import { addDays, localDateOf } from '@yugang/metrics';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { trendsQuery, trendsResponse } from './trends.schema.js';
import { trends } from './trends.service.js';

export function trendsRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/metrics/trends',
      summary:
        'A section-1 metric per week or month, by customer group, with goals and annotations',
      description:
        'One point per whole week (Monday) or calendar month overlapping [from, to); each period is its own window (customers grouped at its end). Goal lines for the metric and annotations in the range come along.',
      minRole: 'viewer',
      query: trendsQuery,
      response: trendsResponse,
      handler: ({ db, workspace, query }) => {
        const to = query.to ?? addDays(localDateOf(new Date(), workspace.time_zone), 1);
        const from = query.from ?? addDays(to, query.grain === 'week' ? -84 : -365);
        return trends(db, workspace, { metric: query.metric, grain: query.grain, from, to });
      },
    }),
  ];
}
