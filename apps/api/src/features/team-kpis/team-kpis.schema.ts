import { z } from 'zod';
import { dateRangeQuery } from '../../http/schemas.js';

export const teamKpisQuery = dateRangeQuery;

const evidence = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

export const teamKpisResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  guideRate: evidence.extend({
    sessions: z.number(),
    target: z.number(),
    meetsTarget: z.boolean().nullable(),
  }),
  responseRate48h: evidence.extend({ started: z.number(), pending: z.number() }),
  medianFirstResponseHours: z.object({
    value: z.number().nullable(),
    count: z.number(),
    reason: z.string().optional(),
  }),
  notServed: z.array(z.string()),
});
