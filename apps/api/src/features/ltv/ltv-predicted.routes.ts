import { ltvPredictedContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { cachedPredictedLtv } from './ltv-predicted.service.js';

export function predictedLtvRoutes(): RouteDefinition[] {
  return [
    implement(ltvPredictedContract.get, async ({ db, workspace, query, asOf }) => {
      const { result, cached } = await cachedPredictedLtv(db, workspace, {
        asOf,
        horizonMonths: query.horizonMonths,
      });
      return { ...result, cached };
    }),
  ];
}
