import { z } from 'zod';
import { defineRoute } from './route.js';
import { asOfQuery, freshnessSchema } from './window.js';
import { evidenceSchema, windowSchema } from './evidence.js';

export const tiersQuery = asOfQuery;

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
      customers: z.number().meta({ 'x-metric': 'tier_size' }),
      customerShare: evidenceSchema,
      gmv: evidenceSchema.describe('GMV of the tier in the window, yuan'),
      gmvShare: evidenceSchema.meta({ 'x-metric': 'tier_gmv_share' }),
    }),
  ),
  movement: z
    .object({
      matrix: z
        .object({ high_value: toRow, potential: toRow, ordinary: toRow, new: toRow })
        .describe('matrix[from][to]: customers'),
      moved: z.number(),
      unchanged: z.number(),
    })
    .meta({ 'x-metric': 'tier_transitions' }),
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

/** Segment export: a tier's customers as of asOf, or a move from → to since asOf − 7. */
export const tierExportQuery = asOfQuery.extend({
  tier: tier.optional().describe('the customers in this tier as of asOf'),
  from: z
    .enum(['high_value', 'potential', 'ordinary', 'new'])
    .optional()
    .describe('with `to`: the customers who were in this tier at asOf − 7…'),
  to: z
    .enum(['high_value', 'potential', 'ordinary', 'gone'])
    .optional()
    .describe('…and are in this one at asOf'),
});

const exportDescription =
  'The customers of a tier (`tier`) or of a week-over-week move (`from` and `to`), one row each: external customer id, tier at asOf and at asOf − 7 — no names or contact data. The same tiers as GET tiers, so a tier export holds exactly its `customers`. Text cells are formula-injection safe. Each export is recorded in the audit log (tiers.export).';

export const tiersContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/tiers',
    access: 'viewer',
    summary:
      'Value tiers: sizes, GMV share over the lookback, week-over-week movement (potential by recency or predicted LTV)',
    description:
      'METRICS §7 with the workspace tier settings, as of the start of asOf, from the read model (one row per active customer). Potential: a counted order in the recent window, or the 12-month predicted LTV of GET ltv/predicted (BG/NBD × Gamma-Gamma, as of each date) in the top topPredictedShare; recency only, with a note, where no model can be fitted. Movement: tiers at asOf − 7 → tiers at asOf. Money in yuan. Cached per read-model version.',
    query: tiersQuery,
    response: tiersResponse.extend({ freshness: freshnessSchema }),
    window: 'asOf',
  }),
  exportCsv: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/tiers/export.csv',
    access: 'viewer',
    summary: 'Segment export as CSV: the customers of a tier or of a tier move (external ids)',
    description: exportDescription,
    query: tierExportQuery,
    window: 'asOf',
  }),
  exportXlsx: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/tiers/export.xlsx',
    access: 'viewer',
    summary: 'Segment export as XLSX: the customers of a tier or of a tier move (external ids)',
    description: exportDescription,
    query: tierExportQuery,
    window: 'asOf',
  }),
};
