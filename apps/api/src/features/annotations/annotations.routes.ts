import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { resolveDateRange } from '../../http/schemas.js';
import {
  annotationIdParams,
  annotationSchema,
  annotationsQuery,
  annotationsResponse,
  createAnnotationBody,
  updateAnnotationBody,
} from './annotations.schema.js';
import {
  createAnnotation,
  listAnnotations,
  patchAnnotation,
  removeAnnotation,
} from './annotations.service.js';

export function annotationsRoutes(): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/annotations',
      summary: 'Chart annotations dated in [from, to)',
      minRole: 'viewer',
      query: annotationsQuery,
      response: annotationsResponse,
      handler: ({ db, workspace, query }) =>
        listAnnotations(db, workspace, resolveDateRange(query, workspace.time_zone)),
    }),
    workspaceRoute({
      method: 'post',
      path: '/workspaces/:ws/annotations',
      summary: 'Add an annotation (lead or owner)',
      minRole: 'lead',
      body: createAnnotationBody,
      response: annotationSchema,
      status: 201,
      handler: ({ db, workspace, actor, body }) => createAnnotation(db, workspace, actor, body),
    }),
    workspaceRoute({
      method: 'patch',
      path: '/workspaces/:ws/annotations/:annotationId',
      summary: 'Change an annotation (lead or owner)',
      minRole: 'lead',
      params: annotationIdParams,
      body: updateAnnotationBody,
      response: annotationSchema,
      handler: ({ db, workspace, actor, params, body }) =>
        patchAnnotation(db, workspace, actor, params.annotationId, body),
    }),
    workspaceRoute({
      method: 'delete',
      path: '/workspaces/:ws/annotations/:annotationId',
      summary: 'Delete an annotation (lead or owner)',
      minRole: 'lead',
      params: annotationIdParams,
      handler: ({ db, workspace, actor, params }) =>
        removeAnnotation(db, workspace, actor, params.annotationId),
    }),
  ];
}
