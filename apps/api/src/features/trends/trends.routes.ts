import { trendsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { trends } from './trends.service.js';

export function trendsRoutes(): RouteDefinition[] {
  return [
    implement(trendsContract.get, ({ db, workspace, query, window }) =>
      trends(db, workspace, { metric: query.metric, grain: query.grain, ...window }),
    ),
  ];
}
