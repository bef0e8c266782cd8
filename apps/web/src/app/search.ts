/** The URL holds the view: workspace and page in the path; language, window and comparison in the search. */
import { z } from 'zod';
import { COMPARISONS, PRESETS } from '@yugang/contract';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const rootSearch = z.object({
  lang: z.enum(['zh-CN', 'en']).optional().catch(undefined),
  print: z.literal('1').or(z.literal(1)).optional().catch(undefined),
});

export const loginSearch = z.object({
  redirect: z.string().startsWith('/').optional().catch(undefined),
});

export const reviewSearch = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional()
    .catch(undefined),
  present: z.literal('1').or(z.literal(1)).optional().catch(undefined),
});

export const trendsSearch = z.object({
  preset: z.enum(PRESETS).optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
  compare: z.enum(COMPARISONS).optional().catch(undefined),
  span: z
    .union([z.literal(12), z.literal(24)])
    .optional()
    .catch(undefined),
});
export type TrendsSearch = z.output<typeof trendsSearch>;
