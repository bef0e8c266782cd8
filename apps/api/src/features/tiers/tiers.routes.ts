import { tiersContract } from '@yugang/contract';
import { fenToYuan } from '@yugang/metrics';
import { implement, type RouteDefinition } from '../../http/route.js';
import { cachedTiers } from './tiers.service.js';
import { tierExportRoutes } from './tiers-export.routes.js';

export function tiersRoutes(): RouteDefinition[] {
  return [
    implement(tiersContract.get, async ({ db, workspace, asOf }) => {
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
    }),
    ...tierExportRoutes(),
  ];
}
