import { z } from 'zod';
import { evidenceSchema, windowSchema } from './evidence.js';
import { defineRoute } from './route.js';
import { freshnessSchema, windowQuery } from './window.js';

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
};
