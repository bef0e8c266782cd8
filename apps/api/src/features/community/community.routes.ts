import { communityContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { community } from './community.service.js';

export function communityRoutes(): RouteDefinition[] {
  return [
    implement(communityContract.get, ({ db, workspace, asOf }) => community(db, workspace, asOf)),
  ];
}
