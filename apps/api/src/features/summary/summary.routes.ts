import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { resolveDateRange } from '../../http/schemas.js';
import { summaryQuery, summaryResponse } from './summary.schema.js';
import { summary } from './summary.service.js';

export function summaryRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/metrics/summary',
      summary: 'Customer value (METRICS §1) for public, private and all, with the previous window',
      description:
        'Every section-1 metric over [from, to) and over the same-length window just before, each customer grouped at the window end. Money in yuan, rates as fractions, every figure with numerator and denominator. Read from the read model: one stored row for a Monday week or a calendar month, else one pass over the customer-days of the window, kept per read-model version.',
      minRole: 'viewer',
      query: summaryQuery,
      response: summaryResponse,
      handler: ({ db, workspace, query }) =>
        summary(db, workspace, resolveDateRange(query, workspace.time_zone)),
    }),
  ];
}
