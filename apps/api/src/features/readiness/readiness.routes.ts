import { readinessContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { createAssessment, readiness, removeAssessment } from './readiness.service.js';

export function readinessRoutes(): RouteDefinition[] {
  return [
    implement(readinessContract.get, ({ db, workspace }) => readiness(db, workspace)),
    implement(readinessContract.create, ({ db, workspace, actor, body }) =>
      createAssessment(db, workspace, actor, body.answers),
    ),
    implement(readinessContract.remove, ({ db, workspace, actor, params }) =>
      removeAssessment(db, workspace, actor, params.assessmentId),
    ),
  ];
}
