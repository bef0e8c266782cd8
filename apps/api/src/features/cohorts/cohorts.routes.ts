import { cohortsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { retentionFromReadModel } from './cohorts.service.js';

export function cohortsRoutes(): RouteDefinition[] {
  return [
    implement(cohortsContract.get, ({ db, workspace, query }) =>
      retentionFromReadModel(db, workspace.id, {
        basis: query.basis,
        asOf: query.asOf,
        maxK: query.maxK,
      }),
    ),
  ];
}
