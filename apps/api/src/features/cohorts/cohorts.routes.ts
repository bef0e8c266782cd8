import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { cohortsQuery, cohortsResponse } from './cohorts.schema.js';
import { retentionFromReadModel } from './cohorts.service.js';

export function cohortsRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/cohorts',
      summary: 'Retention triangle by first-order or private-join cohort month',
      description:
        'retention[c][k] (METRICS §2) for every cohort up to asOf, overall and by customer group at the end of asOf.',
      minRole: 'viewer',
      query: cohortsQuery,
      response: cohortsResponse,
      handler: ({ db, workspace, query }) =>
        retentionFromReadModel(db, workspace.id, {
          basis: query.basis,
          asOf: query.asOf,
          maxK: query.maxK,
        }),
    }),
  ];
}
