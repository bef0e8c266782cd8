import { fenToYuan, localDateOf } from '@yugang/metrics';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { tiersQuery, tiersResponse } from './tiers.schema.js';
import { tiersFromReadModel } from './tiers.service.js';

export function tiersRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/tiers',
      summary: 'Value tiers: sizes, GMV share over the lookback, week-over-week movement',
      description:
        'METRICS §7 with the workspace tier settings, as of the start of asOf, from the read model. Movement: tiers at asOf − 7 → tiers at asOf. Money in yuan.',
      minRole: 'viewer',
      query: tiersQuery,
      response: tiersResponse,
      handler: async ({ db, workspace, query }) => {
        const asOf = query.asOf ?? localDateOf(new Date(), workspace.time_zone);
        const result = await tiersFromReadModel(db, workspace, asOf);
        return {
          asOf: result.asOf,
          previousAsOf: result.previousAsOf,
          settings: result.settings,
          window: result.window,
          tiers: result.summary.map((row) => ({
            ...row,
            gmv: {
              value: fenToYuan(row.gmv.numerator),
              numerator: fenToYuan(row.gmv.numerator),
              denominator: 1,
            },
          })),
          movement: result.movement,
          notes: result.notes,
        };
      },
    }),
  ];
}
