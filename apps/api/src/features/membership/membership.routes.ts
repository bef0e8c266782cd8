import { membershipContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { membership } from './membership.service.js';

export function membershipRoutes(): RouteDefinition[] {
  return [
    implement(membershipContract.get, ({ db, workspace, window }) =>
      membership(db, workspace, window),
    ),
  ];
}
