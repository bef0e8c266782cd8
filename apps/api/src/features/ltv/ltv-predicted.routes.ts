import { localDateOf } from '@yugang/metrics';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { predictedLtvQuery, predictedLtvResponse } from './ltv-predicted.schema.js';
import { cachedPredictedLtv } from './ltv-predicted.service.js';

export function predictedLtvRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/ltv/predicted',
      summary: 'Predicted LTV: BG/NBD × Gamma-Gamma fit and per-customer CLV',
      description:
        'ltv_predicted (METRICS §2): models fitted in days on the counted orders before asOf (read model), 1% monthly discount, margin = workspace default margin or gross profit / GMV. Money in yuan. Cached per read-model version. model: null with a reason when the data cannot support a fit.',
      minRole: 'viewer',
      query: predictedLtvQuery,
      response: predictedLtvResponse,
      handler: async ({ db, workspace, query }) => {
        const asOf = query.asOf ?? localDateOf(new Date(), workspace.time_zone);
        const { result, cached } = await cachedPredictedLtv(db, workspace, {
          asOf,
          horizonMonths: query.horizonMonths,
        });
        return { ...result, cached };
      },
    }),
  ];
}
