import { incrementalityContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { cachedIncrementality } from './incrementality.service.js';

export function incrementalityRoutes(): RouteDefinition[] {
  return [
    implement(incrementalityContract.get, ({ db, workspace, asOf, query }) =>
      cachedIncrementality(db, workspace, { asOf, months: query.months }),
    ),
  ];
}
