import { z } from 'zod';
import { defineRoute } from './route.js';
import { basisSchema, evidenceSchema, maxKSchema } from './evidence.js';
import { boundedMonth } from './window.js';

export const cohortsQuery = z.object({
  basis: basisSchema,
  asOf: boundedMonth.optional().describe('last month shown (default: latest month with data)'),
  maxK: maxKSchema,
});

const cells = z.array(evidenceSchema);

export const cohortsResponse = z.object({
  basis: z.enum(['first_order', 'private_join']),
  asOf: z.string().nullable(),
  cohorts: z
    .array(
      z.object({
        cohort: z.string(),
        size: z.number(),
        cells: cells.describe('cells[k]: share of the cohort with an order in month cohort + k'),
        groups: z.object({
          public: z.object({ size: z.number(), cells }),
          private: z.object({ size: z.number(), cells }),
        }),
      }),
    )
    .meta({ 'x-metric': 'retention' }),
});

export const cohortsContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/cohorts',
    access: 'viewer',
    summary: 'Retention triangle by first-order or private-join cohort month',
    description:
      'retention[c][k] (METRICS §2) for every cohort up to asOf, overall and by customer group at the end of asOf.',
    query: cohortsQuery,
    response: cohortsResponse,
    cache: 'data',
  }),
};
