import { z } from 'zod';
import {
  basisSchema,
  evidenceSchema,
  maxKSchema,
  monthSchema,
} from '../../read-model/read-model.schema.js';

export const cohortsQuery = z.object({
  basis: basisSchema,
  asOf: monthSchema.optional().describe('last month shown (default: latest month with data)'),
  maxK: maxKSchema,
});

const cells = z.array(evidenceSchema);

export const cohortsResponse = z.object({
  basis: z.enum(['first_order', 'private_join']),
  asOf: z.string().nullable(),
  cohorts: z.array(
    z.object({
      cohort: z.string(),
      size: z.number(),
      cells: cells.describe('cells[k]: share of the cohort with an order in month cohort + k'),
      groups: z.object({
        public: z.object({ size: z.number(), cells }),
        private: z.object({ size: z.number(), cells }),
      }),
    }),
  ),
});
