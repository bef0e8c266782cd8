/**
 * Incrementality (issue 15): what joining the private domain changed, from matched comparisons
 * (`incrementality`) and from A/B holdouts (`experiments`). Money in yuan.
 */
import { z } from 'zod';
import { defineRoute } from './route.js';
import { asOfQuery, freshnessSchema } from './window.js';

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A figure with its interval; low/high null where no interval is computed. */
export const intervalSchema = z.object({
  estimate: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type IntervalJson = z.output<typeof intervalSchema>;

const outcomes = z.object({
  orders: intervalSchema,
  gmv: intervalSchema.describe('yuan'),
  grossProfit: intervalSchema.describe('yuan'),
});

export const incrementalityQuery = z.object({
  ...asOfQuery.shape,
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(24)
    .default(6)
    .describe('months after the join month that are compared'),
});

export const incrementalityResponse = z.object({
  months: z.number(),
  asOf: z.string(),
  cohorts: z
    .object({ from: z.string(), to: z.string(), count: z.number() })
    .nullable()
    .describe('join months analysed (YYYY-MM), null when none had members'),
  matched: z.object({
    members: z.number().describe('joiners compared with matched non-members'),
    unmatched: z.number().describe('eligible joiners whose stratum had fewer than two controls'),
    eligible: z.number().describe('joined with an order before the join month'),
    withoutHistory: z.number().describe('joined without an order before the join month'),
    strata: z.number(),
    controls: z.number(),
    perMember: outcomes.describe('difference-in-differences lift per member over the months'),
    total: outcomes.describe('perMember × members'),
  }),
  naive: z.object({
    perMember: outcomes.describe('members − non-members after the join month, no matching'),
    total: outcomes,
  }),
  totalIncrementalGrossProfit: intervalSchema.describe('yuan, over all matched members'),
  balance: z.array(
    z.object({
      variable: z.enum([
        'pre_orders',
        'pre_gmv',
        'pre_gross_profit',
        'recency_months',
        'tenure_months',
      ]),
      label: localized,
      members: z.number(),
      matchedControls: z.number(),
      allNonMembers: z.number(),
      standardizedDifference: z.number().nullable(),
    }),
  ),
  roi: z
    .object({
      privateCost: z.number().describe('yuan, every private cost over the months'),
      costMonths: z.object({ from: z.string(), to: z.string() }),
      incremental: intervalSchema.describe('incremental gross profit / private cost'),
      naive: intervalSchema.describe('naive gross profit gap × members / private cost'),
      whichToUse: localized,
    })
    .nullable()
    .describe('null without private costs in those months'),
  summary: localized.describe('the lift in one sentence'),
  assumptions: z.array(localized),
  method: z.object({
    design: z.literal('coarsened_exact_matching_stacked_did'),
    level: z.number(),
    draws: z.number(),
    seed: z.number(),
    controlsPerStratum: z.number(),
    preMonths: z.number(),
  }),
  cached: z.boolean(),
});
export type IncrementalityResponse = z.output<typeof incrementalityResponse>;

export const incrementalityContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/incrementality',
    access: 'viewer',
    summary: 'Incremental value of joining the private domain (matched, stacked diff-in-diff)',
    description:
      'Members who joined in a month with an order before it, against customers acquired in the same month through the same first channel, in the same recency/frequency/monetary buckets over the 12 months before, who had not joined by the end of the window; months m+1…m+N after the join month m. 90% intervals: seeded Bayesian bootstrap over customers. Naive: members − non-members over the same months without matching. Money in yuan. Cached per data version.',
    query: incrementalityQuery,
    response: incrementalityResponse.extend({ freshness: freshnessSchema }),
    window: 'asOf',
  }),
};

const experimentParams = z.object({
  experimentId: z.string().min(1).max(200).describe('experiment_id as imported'),
});

export const experimentListResponse = z.object({
  experiments: z.array(
    z.object({
      experimentId: z.string(),
      treatment: z.number(),
      holdout: z.number(),
      firstAssignedAt: z.string(),
      lastAssignedAt: z.string(),
    }),
  ),
});

export const experimentQuery = z.object({
  ...asOfQuery.shape,
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(366)
    .default(28)
    .describe("days from each customer's assignment day that are counted"),
  holdoutShare: z.coerce
    .number()
    .gt(0)
    .lt(1)
    .default(0.5)
    .describe('the planned share of customers held out (for the sample-ratio check)'),
});

const arm = z.object({
  customers: z.number(),
  conversion: z.number().describe('share with ≥ 1 order'),
  orders: z.number(),
  gmv: z.number().describe('yuan per customer'),
  grossProfit: z.number().describe('yuan per customer'),
});

const lift = intervalSchema.extend({
  relative: z.number().nullable().describe('estimate ÷ holdout mean'),
  pValue: z.number().nullable(),
});

export const experimentResponse = z.object({
  experimentId: z.string(),
  asOf: z.string(),
  days: z.number(),
  treatment: arm,
  holdout: arm,
  lift: z
    .object({
      conversion: lift.describe('share points: 0.02 = 2 pp'),
      orders: lift,
      gmv: lift.describe('yuan per customer'),
      grossProfit: lift.describe('yuan per customer'),
    })
    .describe('treatment − holdout per customer, 90% Welch intervals'),
  sampleRatio: z.object({
    plannedHoldoutShare: z.number(),
    observedHoldoutShare: z.number().nullable(),
    chiSquare: z.number(),
    pValue: z.number(),
    mismatch: z.boolean().describe('p < 0.001: the split is not what was planned'),
  }),
  summary: localized,
});

export const experimentPlanQuery = z.object({
  baseline: z.coerce
    .number()
    .gt(0)
    .describe('holdout mean per customer over the test; a rate (0–1) for conversion'),
  lift: z.coerce.number().gt(-1).lt(100).describe('relative lift to detect: 0.1 = +10 %'),
  sd: z.coerce
    .number()
    .gt(0)
    .optional()
    .describe('per-customer standard deviation (leave out for a rate)'),
  holdoutShare: z.coerce.number().gt(0).lt(1).default(0.5),
  weeklyEligible: z.coerce.number().int().min(1).optional(),
  alpha: z.coerce.number().gt(0).lt(0.5).default(0.05),
  power: z.coerce.number().gt(0.5).lt(1).default(0.8),
});

export const experimentPlanResponse = z.object({
  customers: z.number(),
  treatment: z.number(),
  holdout: z.number(),
  weeks: z.number().nullable().describe('null without weeklyEligible'),
  minimumDetectableEffect: z.number().describe('baseline × lift, absolute'),
  standardDeviation: z.number(),
  holdoutShare: z.number(),
  alpha: z.number(),
  power: z.number(),
  summary: localized,
});

export const experimentsContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/experiments',
    access: 'viewer',
    summary: 'A/B holdout experiments imported (experiments kind) with their arm sizes',
    response: experimentListResponse,
  }),
  plan: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/experiments/plan',
    access: 'viewer',
    summary: 'Power planner: customers and weeks an A/B holdout needs to detect a lift',
    description:
      'n = (z(1−α/2) + z(power))² σ² (1/h + 1/(1−h)) / (baseline × lift)²; σ = √(p(1−p)) for a rate when sd is left out. Weeks = n / weeklyEligible.',
    query: experimentPlanQuery,
    response: experimentPlanResponse,
  }),
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/experiments/:experimentId',
    access: 'viewer',
    summary: 'Lift of an A/B holdout (conversion, orders, GMV, gross profit) with SRM check',
    description:
      'Per assigned customer, counted orders from the local day of assignment for `days` days (and before asOf). Lift = treatment − holdout per customer with 90% Welch intervals; sample-ratio mismatch by chi-square against the planned holdout share. Money in yuan.',
    params: experimentParams,
    query: experimentQuery,
    response: experimentResponse.extend({ freshness: freshnessSchema }),
    window: 'asOf',
  }),
};
