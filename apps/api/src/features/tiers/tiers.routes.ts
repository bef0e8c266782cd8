import { fenToYuan, localDateOf } from '@yugang/metrics';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { tiersQuery, tiersResponse } from './tiers.schema.js';
import { cachedTiers } from './tiers.service.js';

export function tiersRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/tiers',
      summary:
        'Value tiers: sizes, GMV share over the lookback, week-over-week movement (potential by recency or predicted LTV)',
      description:
        'METRICS §7 with the workspace tier settings, as of the start of asOf, from the read model (one row per active customer). Potential: a counted order in the recent window, or the 12-month predicted LTV of GET ltv/predicted (BG/NBD × Gamma-Gamma, as of each date) in the top topPredictedShare; recency only, with a note, where no model can be fitted. Movement: tiers at asOf − 7 → tiers at asOf. Money in yuan. Cached per read-model version.',
      minRole: 'viewer',
      query: tiersQuery,
      response: tiersResponse,
      handler: async ({ db, workspace, query }) => {
        const asOf = query.asOf ?? localDateOf(new Date(), workspace.time_zone);
        const { result, cached } = await cachedTiers(db, workspace, asOf);
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
          predictedLtv: result.predictedLtv,
          cached,
          notes: result.notes,
        };
      },
    }),
  ];
}
