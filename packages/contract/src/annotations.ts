import { z } from 'zod';
import { defineRoute } from './route.js';
import { freshnessSchema, windowQuery } from './window.js';
import { idParam, isoDate } from './common.js';

export const annotationIdParams = idParam('annotationId');
export const annotationsQuery = windowQuery;

const text = z
  .string()
  .max(500)
  .refine((t) => t.trim() !== '', 'text must not be empty');

export const createAnnotationBody = z.object({ date: isoDate, text });
export const updateAnnotationBody = z
  .object({ date: isoDate.optional(), text: text.optional() })
  .refine((b) => b.date !== undefined || b.text !== undefined, {
    message: 'send date or text',
  });

export const annotationSchema = z.object({
  id: z.number(),
  date: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export const annotationsResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  annotations: z.array(annotationSchema),
});

export const annotationsContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/annotations',
    access: 'viewer',
    summary: 'Chart annotations dated in [from, to)',
    query: annotationsQuery,
    response: annotationsResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
  }),
  create: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/annotations',
    access: 'lead',
    summary: 'Add an annotation (lead or owner)',
    body: createAnnotationBody,
    response: annotationSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/workspaces/:ws/annotations/:annotationId',
    access: 'lead',
    summary: 'Change an annotation (lead or owner)',
    params: annotationIdParams,
    body: updateAnnotationBody,
    response: annotationSchema,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/workspaces/:ws/annotations/:annotationId',
    access: 'lead',
    summary: 'Delete an annotation (lead or owner)',
    params: annotationIdParams,
  }),
};
