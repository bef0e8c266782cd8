import { z } from 'zod';
import { isoDate } from '../../http/schemas.js';
import { evidenceSchema, windowSchema } from '../../read-model/read-model.schema.js';

export const tiersQuery = z.object({
  asOf: isoDate
    .optional()
    .describe('tiers at the start of this local date (default: today in the workspace zone)'),
});

const tier = z.enum(['high_value', 'potential', 'ordinary']);
const toRow = z.object({
  high_value: z.number(),
  potential: z.number(),
  ordinary: z.number(),
  gone: z.number(),
});

const prediction = z.object({
  customers: z.number().describe('customers with a predicted LTV'),
  reason: z.string().nullable().describe('why no model could be fitted; null when it was'),
});

export const tiersResponse = z.object({
  asOf: z.string(),
  previousAsOf: z.string().describe('asOf − 7 days: the tiers the movement starts from'),
  settings: z.object({
    topMonetaryShare: z.number(),
    minOrdersHighValue: z.number(),
    recentDays: z.number(),
    topPredictedShare: z.number(),
    lookbackDays: z.number(),
  }),
  window: windowSchema.describe('the GMV share window: the lookback, half-open'),
  tiers: z.array(
    z.object({
      tier,
      customers: z.number(),
      customerShare: evidenceSchema,
      gmv: evidenceSchema.describe('GMV of the tier in the window, yuan'),
      gmvShare: evidenceSchema,
    }),
  ),
  movement: z.object({
    matrix: z
      .object({ high_value: toRow, potential: toRow, ordinary: toRow, new: toRow })
      .describe('matrix[from][to]: customers'),
    moved: z.number(),
    unchanged: z.number(),
  }),
  predictedLtv: z
    .object({
      horizonMonths: z.number(),
      current: prediction.describe('as of asOf'),
      previous: prediction.describe('as of previousAsOf'),
    })
    .describe(
      'the predicted-LTV input of the potential tier (as GET ltv/predicted); with a reason, that date uses recency only',
    ),
  cached: z.boolean().describe('served from the per-read-model-version cache'),
  notes: z.array(z.string()),
});
