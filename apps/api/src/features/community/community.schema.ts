import { z } from 'zod';
import { isoDate } from '../../http/schemas.js';

export const communityQuery = z.object({
  asOf: isoDate
    .optional()
    .describe('exclusive local date: figures use the days before it (default: tomorrow)'),
});

const evidence = z.looseObject({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

const internal = z.looseObject({
  ratio: evidence,
  per100: evidence,
  meetsGuideline: z.boolean().nullable(),
  messageShare: evidence.nullable(),
  flooding: z.boolean().nullable(),
});

export const communityResponse = z.object({
  asOf: z.string(),
  guideline: z.object({ internalPer100Guideline: z.number(), floodingShare: z.number() }),
  groups: z.array(
    z.looseObject({
      groupId: z.string(),
      name: z.string(),
      latestDate: z.string(),
      members: z.number(),
      activityRate: evidence,
      activityRate7d: evidence,
      internal,
      trend: z.looseObject({ hollowGrowth: z.boolean(), enoughData: z.boolean() }),
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
    z.looseObject({
      groupId: z.string(),
      name: z.string(),
      firstDate: z.string(),
      startsAtDataStart: z.boolean(),
      first48h: z.looseObject({ activityRate: evidence }),
      first3Days: z.looseObject({ activityRate: evidence }),
      internal,
    }),
  ),
});
