import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import {
  assessmentIdParams,
  assessmentResponse,
  createAssessmentBody,
  readinessResponse,
} from './readiness.schema.js';
import { createAssessment, readiness, removeAssessment } from './readiness.service.js';

export function readinessRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/readiness',
      summary:
        'Readiness questions, the latest assessment with scores, history, organisation stage',
      minRole: 'viewer',
      response: readinessResponse,
      handler: ({ db, workspace }) => readiness(db, workspace),
    }),
    workspaceRoute({
      method: 'post',
      path: '/workspaces/:ws/readiness',
      summary: 'Record a readiness self-assessment (lead or owner)',
      description:
        'answers: { <question id>: 0–5 for scale questions, true/false for yes/no }; unknown ids or wrong kinds answer 400.',
      minRole: 'lead',
      body: createAssessmentBody,
      response: assessmentResponse,
      status: 201,
      handler: ({ db, workspace, actor, body }) =>
        createAssessment(db, workspace, actor, body.answers),
    }),
    workspaceRoute({
      method: 'delete',
      path: '/workspaces/:ws/readiness/:assessmentId',
      summary: 'Delete a readiness assessment (lead or owner)',
      minRole: 'lead',
      params: assessmentIdParams,
      handler: ({ db, workspace, actor, params }) =>
        removeAssessment(db, workspace, actor, params.assessmentId),
    }),
  ];
}
