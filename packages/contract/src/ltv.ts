import { z } from 'zod';
import { defineRoute } from './route.js';
import { basisSchema, evidenceSchema, maxKSchema } from './evidence.js';
import { boundedMonth } from './window.js';

export const ltvQuery = z.object({
  basis: basisSchema,
  measure: z.enum(['gmv', 'gross_profit']).default('gmv'),
  asOf: boundedMonth.optional().describe('last month shown (default: latest month with data)'),
  maxK: maxKSchema,
});

const cells = z.array(evidenceSchema);

export const ltvResponse = z.object({
  basis: z.enum(['first_order', 'private_join']),
  measure: z.enum(['gmv', 'gross_profit']),
  asOf: z.string().nullable(),
  groupAt: z.string().nullable().describe('the instant customers are grouped at'),
  cohorts: z
    .array(
      z.object({
        cohort: z.string(),
        size: z.object({ public: z.number(), private: z.number(), all: z.number() }),
        cells: z
          .object({ public: cells, private: cells, all: cells })
          .describe('cumulative value per cohort customer in yuan, months cohort … cohort + k'),
      }),
    )
    .meta({ 'x-metric': 'ltv_historical' }),
});

export const ltvContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/ltv',
    access: 'viewer',
    summary: 'Historical LTV curves by cohort and customer group',
    description:
      'ltv_historical[c][k] (METRICS §2): cumulative GMV or gross profit per cohort customer, by customer group at the end of asOf. Money in yuan.',
    query: ltvQuery,
    response: ltvResponse,
    cache: 'data',
  }),
};
