import { z } from 'zod';
import { defineRoute } from './route.js';
import { asOfQuery, freshnessSchema } from './window.js';

export const predictedLtvQuery = z.object({
  ...asOfQuery.shape,
  horizonMonths: z.coerce.number().int().min(1).max(60).default(12),
});

const pAlive = z.object({ customers: z.number(), meanPAlive: z.number().nullable() });

export const predictedLtvResponse = z.object({
  asOf: z.string(),
  horizonMonths: z.number(),
  discountRate: z.number().describe('per month'),
  timeUnit: z.literal('day').describe('unit of frequency/recency/T and of alpha'),
  margin: z.object({
    value: z.number(),
    source: z.enum(['default_margin', 'gross_profit_over_gmv']),
  }),
  customers: z.number().describe('customers with a counted order before asOf'),
  repeatBuyers: z.number(),
  model: z
    .object({
      bgNbd: z.object({
        r: z.number(),
        alpha: z.number(),
        a: z.number(),
        b: z.number(),
        logLikelihood: z.number(),
        customers: z.number(),
        groups: z.number(),
        converged: z.boolean(),
      }),
      gammaGamma: z.object({
        p: z.number(),
        q: z.number(),
        v: z.number(),
        logLikelihood: z.number(),
        customers: z.number(),
        frequencySpendCorrelation: z.number().nullable(),
        converged: z.boolean(),
      }),
    })
    .nullable()
    .describe('null when the data cannot support the models (see reason)'),
  reason: z.string().nullable(),
  totals: z
    .object({
      clv: z.number().describe('yuan'),
      meanClv: z.number().describe('yuan'),
      expectedPurchases: z.number(),
      customers: z.number(),
    })
    .nullable()
    .meta({ 'x-metric': 'ltv_predicted' }),
  distribution: z
    .array(
      z.object({
        from: z.number(),
        to: z.number().nullable(),
        customers: z.number(),
        clv: z.number(),
      }),
    )
    .describe('CLV histogram, yuan, [from, to)'),
  pAliveByGroup: z
    .object({ public: pAlive, private: pAlive, all: pAlive })
    .describe('customer group at the midnight starting asOf')
    .meta({ 'x-metric': 'p_alive' }),
  top: z.array(
    z.object({
      externalId: z.string(),
      clv: z.number(),
      pAlive: z.number(),
      expectedPurchases: z.number(),
    }),
  ),
  cached: z.boolean(),
  notes: z.array(z.string()),
});

export const ltvPredictedContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/ltv/predicted',
    access: 'viewer',
    summary: 'Predicted LTV: BG/NBD × Gamma-Gamma fit and per-customer CLV',
    description:
      'ltv_predicted (METRICS §2): models fitted in days on the counted orders before asOf (read model), 1% monthly discount, margin = workspace default margin or gross profit / GMV. Money in yuan. Cached per read-model version. model: null with a reason when the data cannot support a fit.',
    query: predictedLtvQuery,
    response: predictedLtvResponse.extend({ freshness: freshnessSchema }),
    window: 'asOf',
  }),
};
