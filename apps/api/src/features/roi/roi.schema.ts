import { z } from 'zod';
import { dateRangeQuery } from '../../http/schemas.js';

export const roiQuery = dateRangeQuery;

const evidence = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});
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
    .describe('(private gross profit − fixed) / (labor + tools + traffic + trial)'),
  publicCac: evidence
    .extend({
      publicTrafficCost: z.number(),
      newPublicCustomers: z.number(),
      newPrivateFirstOrderCustomers: z.number(),
    })
    .describe('public traffic cost / new customers whose first order was public (yuan per head)'),
  nurtureCost: z.object({
    cost: evidence.describe('private labor + tools + traffic + trial / new private members'),
    ceiling: z.number().nullable().describe('multiple × public CAC, yuan'),
    multiple: z.number(),
    ratioToCac: evidence,
    withinCeiling: z.boolean().nullable(),
    newPrivateMembers: z.number(),
  }),
  budgetSplit: z.object({
    total: z.number(),
    shares: z.array(
      z.object({
        purpose: z.enum(['cold_start', 'tools', 'stock_and_trial']),
        category: z.enum(['traffic', 'tools', 'trial']),
        label: localized,
        amount: z.number(),
        share: evidence,
        target: z.number(),
        deviation: z.number().nullable(),
      }),
    ),
    totalAbsoluteDeviation: z.number().nullable(),
    ruleApplies: z.boolean().nullable(),
    yearlyGmv: z.number().describe('GMV of the 365 days before to'),
    note: localized,
  }),
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
    costBalance: monthMark,
    roiConvergence: monthMark,
  }),
  notes: z.array(z.string()),
});
