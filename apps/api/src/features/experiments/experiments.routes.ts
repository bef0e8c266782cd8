import { experimentsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { experimentLift, experimentList, experimentPlan } from './experiments.service.js';

export function experimentsRoutes(): RouteDefinition[] {
  return [
    implement(experimentsContract.list, ({ db, workspace }) => experimentList(db, workspace)),
    // Before `/:experimentId`, which would otherwise take "plan" for an experiment's id.
    implement(experimentsContract.plan, ({ query }) => experimentPlan(query)),
    implement(experimentsContract.get, ({ db, workspace, params, query, asOf }) =>
      experimentLift(db, workspace, params.experimentId, {
        asOf,
        days: query.days,
        holdoutShare: query.holdoutShare,
      }),
    ),
  ];
}
