import { summaryContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { summary } from './summary.service.js';

export function summaryRoutes(): RouteDefinition[] {
  return [
    implement(summaryContract.get, ({ db, workspace, window }) => summary(db, workspace, window)),
  ];
}
