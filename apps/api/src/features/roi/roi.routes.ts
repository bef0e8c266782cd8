import { roiContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { cachedRoi } from './roi.service.js';

export function roiRoutes(): RouteDefinition[] {
  return [
    implement(roiContract.get, ({ db, workspace, window }) => cachedRoi(db, workspace, window)),
  ];
}
