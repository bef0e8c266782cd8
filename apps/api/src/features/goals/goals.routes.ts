import { goalsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { createGoal, goalsWithProgress, patchGoal, removeGoal } from './goals.service.js';

export function goalsRoutes(): RouteDefinition[] {
  return [
    implement(goalsContract.list, ({ db, workspace, asOf }) =>
      goalsWithProgress(db, workspace, asOf),
    ),
    implement(goalsContract.create, ({ db, workspace, actor, body }) =>
      createGoal(db, workspace, actor, body),
    ),
    implement(goalsContract.update, ({ db, workspace, actor, params, body }) =>
      patchGoal(db, workspace, actor, params.goalId, body),
    ),
    implement(goalsContract.remove, ({ db, workspace, actor, params }) =>
      removeGoal(db, workspace, actor, params.goalId),
    ),
  ];
}
