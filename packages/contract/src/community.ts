import { z } from 'zod';
import { defineRoute } from './route.js';
import { asOfQuery, freshnessSchema } from './window.js';
import { evidenceSchema } from './evidence.js';

export const communityQuery = asOfQuery;

const evidence = evidenceSchema;

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
  joins: z
    .number()
    .describe('Σ daily joins over the trend window')
    .meta({ 'x-metric': 'group_joins' }),
  leaves: z
    .number()
    .describe('Σ daily leaves over the trend window')
    .meta({ 'x-metric': 'group_leaves' }),
  weeks: z.array(
    z.object({
      from: z.string(),
      members: z.number().nullable(),
      activityRate: evidence,
      joins: z.number().meta({ 'x-metric': 'group_joins' }),
      leaves: z.number().meta({ 'x-metric': 'group_leaves' }),
    }),
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
      activityRate: evidence.meta({ 'x-metric': 'activity_rate' }),
      activityRate7d: evidence,
      internal: internal.meta({ 'x-metrics': ['internal_member_ratio', 'internal_message_share'] }),
      trend,
    }),
  ),
  hollowGrowth: z
    .array(
      z.object({
        groupId: z.string(),
        name: z.string(),
        memberChange: z.number().nullable(),
        activityChange: z.number().nullable(),
      }),
    )
    .meta({ 'x-metric': 'hollow_growth' }),
  belowGuideline: z.array(z.string()),
  flooding: z.array(z.string()),
  coldStart: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      firstDate: z.string(),
      startsAtDataStart: z.boolean(),
      first48h: span.meta({ 'x-metric': 'cold_start_activity_48h' }),
      first3Days: span.meta({ 'x-metric': 'cold_start_activity_3d' }),
      internal,
    }),
  ),
});

export const communityContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/community',
    access: 'viewer',
    summary: 'Group health, hollow-growth alerts, cold start of new groups, internal members',
    description:
      'METRICS §5. asOf is exclusive (default: tomorrow in the workspace time zone, so today counts). Cold start is shown for groups first seen in the 28 days before asOf.',
    query: communityQuery,
    response: communityResponse.extend({ freshness: freshnessSchema }),
    window: 'asOf',
    cache: 'data',
  }),
};
