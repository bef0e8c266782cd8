import { SECTION1_IDS } from '@yugang/metrics';
import { z } from 'zod';
import { defineRoute } from './route.js';
import { freshnessSchema, withWindow } from './window.js';
import { evidenceSchema } from './evidence.js';

export const trendsQuery = withWindow({
  metric: z.enum(SECTION1_IDS).default('gmv'),
  grain: z.enum(['week', 'month']).default('month'),
});

const point = z.object({
  period: z.string().describe('first day of the week (Monday) or month'),
  public: evidenceSchema,
  private: evidenceSchema,
  all: evidenceSchema,
});

export const trendsResponse = z.object({
  metric: z.enum(SECTION1_IDS),
  grain: z.enum(['week', 'month']),
  from: z.string(),
  to: z.string(),
  points: z.array(point),
  goals: z.array(
    z.object({
      id: z.number(),
      segment: z.enum(['public', 'private', 'all']),
      periodStart: z.string(),
      periodEnd: z.string(),
      target: z.number(),
      purpose: z.string(),
    }),
  ),
  annotations: z.array(z.object({ date: z.string(), text: z.string() })),
});

export const trendsContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/metrics/trends',
    access: 'viewer',
    summary: 'A section-1 metric per week or month, by customer group, with goals and annotations',
    description:
      'One point per whole week (Monday) or calendar month overlapping [from, to); each period is its own window (customers grouped at its end). Goal lines for the metric and annotations in the range come along.',
    query: trendsQuery,
    response: trendsResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    defaultDays: (query) => (query.grain === 'week' ? 84 : 365),
    cache: 'data+edits',
  }),
};
