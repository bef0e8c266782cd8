import { z } from 'zod';
import { defineRoute } from './route.js';
import { evidenceSchema } from './evidence.js';
import { freshnessSchema, windowQuery } from './window.js';

export const roiQuery = windowQuery;

const evidence = evidenceSchema;
const localized = z.record(z.string(), z.string());

const monthMark = z.object({ month: z.string(), index: z.number(), label: localized }).nullable();

const domainCosts = z.object({
  labor: z.number(),
  tools: z.number(),
  traffic: z.number(),
  trial: z.number(),
  fixed: z.number(),
  total: z.number(),
  months: z.array(z.string()).describe('months wholly inside the window, counted'),
});

/** GET roi: money in yuan; ratios as evidence (value, numerator, denominator). */
export const roiResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  privateRoi: evidence
    .extend({
      grossMarginRate: evidence,
      privateGmv: z.number().describe('GMV credited to private'),
      privateGrossProfit: z.number(),
      variableCost: z.number().describe('labor + tools + traffic + trial'),
      fixedCost: z.number(),
    })
    .describe('(private gross profit − fixed) / (labor + tools + traffic + trial)')
    .meta({ 'x-metric': 'private_roi' }),
  publicCac: evidence
    .extend({
      publicTrafficCost: z.number(),
      newPublicCustomers: z.number(),
      newPrivateFirstOrderCustomers: z.number(),
    })
    .describe('public traffic cost / new customers whose first order was public (yuan per head)')
    .meta({ 'x-metric': 'public_cac' }),
  nurtureCost: z.object({
    cost: evidence
      .describe('private labor + tools + traffic + trial / new private members')
      .meta({ 'x-metric': 'nurture_cost' }),
    ceiling: z.number().nullable().describe('multiple × public CAC, yuan'),
    multiple: z.number(),
    ratioToCac: evidence.meta({ 'x-metric': 'nurture_cost_ratio' }),
    withinCeiling: z.boolean().nullable(),
    newPrivateMembers: z.number(),
  }),
  budgetSplit: z
    .object({
      total: z.number(),
      shares: z
        .array(
          z.object({
            purpose: z.enum(['cold_start', 'tools', 'stock_and_trial']),
            category: z.enum(['traffic', 'tools', 'trial']),
            label: localized,
            amount: z.number(),
            share: evidence,
            target: z.number(),
            deviation: z.number().nullable(),
          }),
        )
        .meta({
          'x-metrics': [
            'budget_share_cold_start',
            'budget_share_tools',
            'budget_share_stock_and_trial',
          ],
        }),
      totalAbsoluteDeviation: z.number().nullable(),
      ruleApplies: z.boolean().nullable(),
      yearlyGmv: z.number().describe('GMV of the 365 days before to'),
      note: localized,
    })
    .meta({ 'x-metric': 'budget_split' }),
  costs: z.object({
    private: domainCosts,
    public: domainCosts,
    partialMonths: z.array(z.string()).describe('months cut by the window: not counted'),
  }),
  cumulative: z.object({
    launchMonth: z.string().nullable(),
    points: z.array(
      z.object({
        month: z.string(),
        index: z.number(),
        privateCost: z.number(),
        privateGrossProfit: z.number(),
        publicCost: z.number(),
        publicGrossProfit: z.number(),
        privateRoi: z.number().nullable(),
        publicRoi: z.number().nullable(),
      }),
    ),
    costBalance: monthMark.meta({ 'x-metric': 'cost_balance_month' }),
    roiConvergence: monthMark.meta({ 'x-metric': 'roi_convergence_month' }),
  }),
  notes: z.array(z.string()),
});

export const roiContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/roi',
    access: 'viewer',
    summary: 'Private ROI, public CAC, nurture cost, 60/20/20 budget split and cumulative curves',
    description:
      'METRICS §3 over the window [from, to). Money in yuan. Monthly costs count only for months wholly inside the window. The cumulative curves run monthly from the private launch month to the month of the last day of the window. Kept per data version: the first request after an import computes it.',
    query: roiQuery,
    response: roiResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    cache: 'data',
  }),
};
