import { SECTION1_IDS } from '@yugang/metrics';
import { z } from 'zod';
import { defineRoute } from './route.js';
import { freshnessSchema, windowQuery } from './window.js';
import { segmentEvidenceSchema, windowSchema } from './evidence.js';

export const summaryQuery = windowQuery;

const source = z.enum(['week', 'month', 'customer_day']);

export const summaryResponse = z.object({
  window: windowSchema,
  previousWindow: windowSchema,
  source: z
    .object({ current: source, previous: source })
    .describe('which read-model table answered each window'),
  metrics: z.record(
    z.enum(SECTION1_IDS),
    segmentEvidenceSchema.extend({ previous: segmentEvidenceSchema }),
  ),
});

export const summaryContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/metrics/summary',
    access: 'viewer',
    summary: 'Customer value (METRICS §1) for public, private and all, with the previous window',
    description:
      'Every section-1 metric over [from, to) and over the same-length window just before, each customer grouped at the window end. Money in yuan, rates as fractions, every figure with numerator and denominator. Read from the read model: one stored row for a Monday week or a calendar month, else one pass over the customer-days of the window, kept per read-model version.',
    query: summaryQuery,
    response: summaryResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    cache: 'data',
  }),
};
