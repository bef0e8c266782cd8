import { z } from 'zod';
import { isoDate } from '../../http/schemas.js';

export const communityQuery = z.object({
  asOf: isoDate
    .optional()
    .describe('exclusive local date: figures use the days before it (default: tomorrow)'),
});

const evidence = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

const internal = z.object({
  ratio: evidence,
  per100: evidence,
  meetsGuideline: z.boolean().nullable().describe('≥ 5 internal members per 100'),
  messageShare: evidence.nullable(),
  flooding: z.boolean().nullable().describe('internal members write > 50% of the messages'),
});

const trend = z.object({
  groupId: z.string(),
  from: z.string(),
  to: z.string(),
  daysWithData: z.number(),
  enoughData: z.boolean(),
  membersSlopePerDay: z.number().nullable(),
  activitySlopePerDay: z.number().nullable(),
  memberChange: z.number().nullable(),
  activityChange: z.number().nullable(),
  weeks: z.array(
    z.object({ from: z.string(), members: z.number().nullable(), activityRate: evidence }),
  ),
  hollowGrowth: z.boolean(),
  reason: z.string().optional(),
});

const span = z.object({
  from: z.string(),
  to: z.string(),
  daysWithData: z.number(),
  complete: z.boolean(),
  activityRate: evidence,
  messages: z.number(),
});

export const communityResponse = z.object({
  asOf: z.string(),
  guideline: z.object({ internalPer100Guideline: z.number(), floodingShare: z.number() }),
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      latestDate: z.string(),
      members: z.number(),
      activityRate: evidence,
      activityRate7d: evidence,
      internal,
      trend,
    }),
  ),
  hollowGrowth: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      memberChange: z.number().nullable(),
      activityChange: z.number().nullable(),
    }),
  ),
  belowGuideline: z.array(z.string()),
  flooding: z.array(z.string()),
  coldStart: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      firstDate: z.string(),
      startsAtDataStart: z.boolean(),
      first48h: span,
      first3Days: span,
      internal,
    }),
  ),
});
