import { z } from 'zod';
import { isoDate } from '../../http/schemas.js';

export const attributionQuery = z.object({
  grain: z.enum(['week', 'month']).default('month'),
  from: isoDate.optional().describe('first day, inclusive (default: all history)'),
  to: isoDate.optional().describe('day after the last, exclusive (default: all history)'),
});

export const attributionResponse = z.object({
  grain: z.enum(['week', 'month']),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  rows: z.array(
    z.object({
      period: z.string().describe("'YYYY-MM' for months, the Monday for weeks"),
      public: z.number().describe('GMV credited to the public team, yuan'),
      private: z.number().describe('GMV credited to the private team, yuan'),
      total: z.number(),
    }),
  ),
});
