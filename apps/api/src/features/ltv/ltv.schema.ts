import { z } from 'zod';
import {
  basisSchema,
  evidenceSchema,
  maxKSchema,
  monthSchema,
} from '../../read-model/read-model.schema.js';

export const ltvQuery = z.object({
  basis: basisSchema,
  measure: z.enum(['gmv', 'gross_profit']).default('gmv'),
  asOf: monthSchema.optional().describe('last month shown (default: latest month with data)'),
  maxK: maxKSchema,
});

const cells = z.array(evidenceSchema);

export const ltvResponse = z.object({
  basis: z.enum(['first_order', 'private_join']),
  measure: z.enum(['gmv', 'gross_profit']),
  asOf: z.string().nullable(),
  groupAt: z.string().nullable().describe('the instant customers are grouped at'),
  cohorts: z.array(
    z.object({
      cohort: z.string(),
      size: z.object({ public: z.number(), private: z.number(), all: z.number() }),
      cells: z
        .object({ public: cells, private: cells, all: cells })
        .describe('cumulative value per cohort customer in yuan, months cohort … cohort + k'),
    }),
  ),
});
