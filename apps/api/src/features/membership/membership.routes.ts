import { membershipContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { membership, membershipTrend } from './membership.service.js';

export function membershipRoutes(): RouteDefinition[] {
  return [
    implement(membershipContract.get, ({ db, workspace, window }) =>
      membership(db, workspace, window),
    ),
    implement(membershipContract.trend, ({ db, workspace, query, window }) =>
      membershipTrend(db, workspace, { grain: query.grain, ...window }),
    ),
  ];
}
