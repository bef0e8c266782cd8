import { isMetricId } from '@yugang/metrics';
import { z } from 'zod';
import { defineRoute } from './route.js';
import { asOfQuery, freshnessSchema } from './window.js';
import { evidenceSchema } from './evidence.js';
import { idParam, isoDate } from './common.js';

export const goalIdParams = idParam('goalId');

const metric = z
  .string()
  .refine((m) => isMetricId(m), { message: 'not a metric id of the catalog' })
  .meta({ example: 'gmv' });
const segment = z.enum(['public', 'private', 'all']);
const text = z.string().max(500);
const target = z
  .number()
  .finite()
  .describe('in the metric unit: money in yuan, rates as fractions');

const periodOrder = (g: { periodStart?: string | undefined; periodEnd?: string | undefined }) =>
  g.periodStart === undefined || g.periodEnd === undefined || g.periodEnd > g.periodStart;
const periodIssue = { message: 'periodEnd must be after periodStart', path: ['periodEnd'] };

export const createGoalBody = z
  .object({
    metric,
    segment: segment.default('all'),
    periodStart: isoDate,
    periodEnd: isoDate.describe('exclusive'),
    target,
    purpose: text.default(''),
    boundary: text.default(''),
  })
  .refine(periodOrder, periodIssue);

export const updateGoalBody = z
  .object({
    metric: metric.optional(),
    segment: segment.optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    target: target.optional(),
    purpose: text.optional(),
    boundary: text.optional(),
  })
  .refine(periodOrder, periodIssue);

export type CreateGoal = z.output<typeof createGoalBody>;
export type UpdateGoal = z.output<typeof updateGoalBody>;

export const goalsQuery = asOfQuery;

const evidence = evidenceSchema;

export const goalSchema = z.object({
  id: z.number(),
  metric: z.string(),
  segment,
  periodStart: z.string(),
  periodEnd: z.string(),
  target: z.number(),
  purpose: z.string(),
  boundary: z.string(),
  createdAt: z.string(),
});

export const goalWithProgress = goalSchema.extend({
  progress: z
    .object({
      metric: z.string(),
      aggregation: z.enum(['sum', 'level']),
      status: z.enum(['not_started', 'in_progress', 'ended']),
      totalDays: z.number(),
      elapsedDays: z.number(),
      current: z.number().nullable(),
      progress: evidence,
      expectedToDate: z.number().nullable(),
      forecast: z.number().nullable(),
      onTrack: z.boolean().nullable(),
      reason: z.string().optional(),
    })
    .meta({ 'x-metric': 'goal_progress' }),
});

export const goalsResponse = z.object({ asOf: z.string(), goals: z.array(goalWithProgress) });

export const goalsContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/goals',
    access: 'viewer',
    summary: 'Goals with progress and forecast to period end',
    description:
      'Progress uses goalProgress (run rate for sums, trend line for levels). Metrics without a daily series in the read model answer progress null with a reason.',
    query: goalsQuery,
    response: goalsResponse.extend({ freshness: freshnessSchema }),
    window: 'asOf',
  }),
  create: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/goals',
    access: 'lead',
    summary: 'Create a goal for a catalog metric (lead or owner)',
    body: createGoalBody,
    response: goalWithProgress,
    status: 201,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/workspaces/:ws/goals/:goalId',
    access: 'lead',
    summary: 'Change a goal (lead or owner)',
    params: goalIdParams,
    body: updateGoalBody,
    response: goalWithProgress,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/workspaces/:ws/goals/:goalId',
    access: 'lead',
    summary: 'Delete a goal (lead or owner)',
    params: goalIdParams,
  }),
};
