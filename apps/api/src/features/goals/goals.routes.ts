import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import {
  createGoalBody,
  goalIdParams,
  goalsQuery,
  goalsResponse,
  goalWithProgress,
  updateGoalBody,
} from './goals.schema.js';
import {
  createGoal,
  defaultAsOf,
  goalsWithProgress,
  patchGoal,
  removeGoal,
} from './goals.service.js';

export function goalsRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/goals',
      summary: 'Goals with progress and forecast to period end',
      description:
        'Progress uses goalProgress (run rate for sums, trend line for levels). Metrics without a daily series in the read model answer progress null with a reason.',
      minRole: 'viewer',
      query: goalsQuery,
      response: goalsResponse,
      handler: ({ db, workspace, query }) =>
        goalsWithProgress(db, workspace, query.asOf ?? defaultAsOf(workspace)),
    }),
    workspaceRoute({
      method: 'post',
      path: '/workspaces/:ws/goals',
      summary: 'Create a goal for a catalog metric (lead or owner)',
      minRole: 'lead',
      body: createGoalBody,
      response: goalWithProgress,
      status: 201,
      handler: ({ db, workspace, actor, body }) => createGoal(db, workspace, actor, body),
    }),
    workspaceRoute({
      method: 'patch',
      path: '/workspaces/:ws/goals/:goalId',
      summary: 'Change a goal (lead or owner)',
      minRole: 'lead',
      params: goalIdParams,
      body: updateGoalBody,
      response: goalWithProgress,
      handler: ({ db, workspace, actor, params, body }) =>
        patchGoal(db, workspace, actor, params.goalId, body),
    }),
    workspaceRoute({
      method: 'delete',
      path: '/workspaces/:ws/goals/:goalId',
      summary: 'Delete a goal (lead or owner)',
      minRole: 'lead',
      params: goalIdParams,
      handler: ({ db, workspace, actor, params }) =>
        removeGoal(db, workspace, actor, params.goalId),
    }),
  ];
}
