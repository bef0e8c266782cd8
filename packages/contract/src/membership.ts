import { z } from 'zod';
import { evidenceSchema, windowSchema } from './evidence.js';
import { defineRoute } from './route.js';
import { freshnessSchema, windowQuery, withWindow } from './window.js';

export const MEMBERSHIP_IDS = [
  'private_members',
  'new_private_members',
  'churned_members',
  'member_churn_rate',
] as const;

export const membershipResponse = z.object({
  window: windowSchema,
  metrics: z
    .object({
      private_members: evidenceSchema.describe('private at the instant the window ends'),
      new_private_members: evidenceSchema.describe('joined the private domain in the window'),
      churned_members: evidenceSchema.describe('left the private domain in the window'),
      member_churn_rate: evidenceSchema.describe('churned_members ÷ members at window start'),
      members_at_start: evidenceSchema.describe('private just before the window opens'),
    })
    .meta({ 'x-metrics': MEMBERSHIP_IDS }),
});

export const membershipTrendQuery = withWindow({
  grain: z.enum(['week', 'month']).default('month'),
});

export const membershipTrendResponse = z.object({
  grain: z.enum(['week', 'month']),
  from: z.string().describe('first day of the first period'),
  to: z.string(),
  points: z.array(
    z
      .object({
        period: z.string().describe('first day of the week (Monday) or month'),
        private_members: evidenceSchema.describe('private at the instant the period ends'),
        new_private_members: evidenceSchema.describe('joined the private domain in the period'),
        churned_members: evidenceSchema.describe('left the private domain in the period'),
      })
      .meta({ 'x-metrics': ['private_members', 'new_private_members', 'churned_members'] }),
  ),
});

export const membershipContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/metrics/membership',
    access: 'viewer',
    summary: 'Private members at the window end, new and churned members, member churn rate',
    description:
      'METRICS §2 member churn over [from, to): churned_members ÷ members just before the window opens. Every figure with numerator and denominator.',
    query: windowQuery,
    response: membershipResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    cache: 'data',
  }),
  trend: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/metrics/membership/trend',
    access: 'viewer',
    summary: 'Private members, new and churned members per week or month',
    description:
      'One point per whole week (Monday) or calendar month overlapping [from, to), each period its own window as in GET …/metrics/membership: members at its end instant, joins and leaves inside it. Members are private by definition, so there is no public side.',
    query: membershipTrendQuery,
    response: membershipTrendResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    cache: 'data',
    defaultDays: (query) => (query.grain === 'week' ? 84 : 365),
  }),
};
