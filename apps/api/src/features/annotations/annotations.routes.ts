import { annotationsContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import {
  createAnnotation,
  listAnnotations,
  patchAnnotation,
  removeAnnotation,
} from './annotations.service.js';

export function annotationsRoutes(): RouteDefinition[] {
  return [
    implement(annotationsContract.list, ({ db, workspace, window }) =>
      listAnnotations(db, workspace, window),
    ),
    implement(annotationsContract.create, ({ db, workspace, actor, body }) =>
      createAnnotation(db, workspace, actor, body),
    ),
    implement(annotationsContract.update, ({ db, workspace, actor, params, body }) =>
      patchAnnotation(db, workspace, actor, params.annotationId, body),
    ),
    implement(annotationsContract.remove, ({ db, workspace, actor, params }) =>
      removeAnnotation(db, workspace, actor, params.annotationId),
    ),
  ];
}
