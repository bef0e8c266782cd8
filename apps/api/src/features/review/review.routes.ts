import { reviewContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { review } from './review.service.js';

export function reviewRoutes(): RouteDefinition[] {
  return [
    implement(reviewContract.get, ({ db, workspace, query }) => review(db, workspace, query)),
  ];
}
