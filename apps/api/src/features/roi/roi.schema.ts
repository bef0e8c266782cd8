import { z } from 'zod';
import { dateRangeQuery } from '../../http/schemas.js';

export const roiQuery = dateRangeQuery;

const evidence = z.looseObject({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

const monthMark = z
  .object({ month: z.string(), index: z.number(), label: z.record(z.string(), z.string()) })
  .nullable();

/** GET roi: money in yuan; ratios as evidence (value, numerator, denominator). */
export const roiResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  privateRoi: evidence.describe(
    '(private gross profit − fixed) / (labor + tools + traffic + trial)',
  ),
  publicCac: evidence.describe('public traffic cost / new customers whose first order was public'),
  nurtureCost: z.looseObject({
    cost: evidence,
    ceiling: z.number().nullable().describe('3 × public CAC, yuan'),
    multiple: z.number(),
    ratioToCac: evidence,
    withinCeiling: z.boolean().nullable(),
    newPrivateMembers: z.number(),
  }),
  budgetSplit: z.looseObject({
    total: z.number(),
    shares: z.array(
      z.looseObject({
        purpose: z.string(),
        amount: z.number(),
        share: evidence,
        target: z.number(),
        deviation: z.number().nullable(),
      }),
    ),
    totalAbsoluteDeviation: z.number().nullable(),
    ruleApplies: z.boolean().nullable(),
  }),
  costs: z.looseObject({}),
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
