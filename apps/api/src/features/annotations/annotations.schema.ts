import { z } from 'zod';
import { dateRangeQuery, idParam, isoDate } from '../../http/schemas.js';

export const annotationIdParams = idParam('annotationId');
export const annotationsQuery = dateRangeQuery;

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
