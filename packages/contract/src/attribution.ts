import { z } from 'zod';
import { defineRoute } from './route.js';
import { freshnessSchema, withWindow } from './window.js';

export const attributionQuery = withWindow({
  grain: z.enum(['week', 'month']).default('month'),
});

export const attributionResponse = z.object({
  grain: z.enum(['week', 'month']),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  rows: z
    .array(
      z.object({
        period: z.string().describe("'YYYY-MM' for months, the Monday for weeks"),
        public: z.number().describe('GMV credited to the public team, yuan'),
        private: z.number().describe('GMV credited to the private team, yuan'),
        total: z.number(),
      }),
    )
    .meta({ 'x-metric': 'credited_gmv' }),
});

export const attributionSplitResponse = z.object({
  grain: z.enum(['week', 'month']),
  window: z.object({ from: z.string(), to: z.string() }),
  privateShare: z
    .number()
    .describe("the private team's share of a first-ever order in a private channel (setting)"),
  rows: z
    .array(
      z.object({
        period: z.string().describe("'YYYY-MM' for months, the Monday for weeks"),
        channel: z.string().describe('channel code as the orders carry it'),
        domain: z.enum(['public', 'private']).describe("the channel's domain"),
        order: z
          .enum(['first', 'repeat'])
          .describe("'first': the customer's first-ever order; 'repeat': any later order"),
        public: z.number().describe('GMV credited to the public team, yuan'),
        private: z.number().describe('GMV credited to the private team, yuan'),
        total: z.number(),
      }),
    )
    .meta({ 'x-metric': 'credited_gmv' }),
});

export const attributionContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/attribution',
    access: 'viewer',
    summary: 'GMV credited to the public and private teams per week or month',
    description:
      'The METRICS §4 order-credit rule (first-ever order public → public; first-ever order private → split by the private share; later orders → private for members at order time, else public). Contiguous periods; money in yuan.',
    query: attributionQuery,
    response: attributionResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    defaultDays: 365,
    cache: 'data',
  }),
  split: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/attribution/split',
    access: 'viewer',
    summary: 'Credited GMV by period, channel and first order vs repurchase',
    description:
      "The same credit as GET …/attribution, broken down: one row per period, channel and order kind holding a counted order in the window (a first-ever order in a private channel is split by the private share). Summed over channels and kinds a period equals …/attribution's row. Money in yuan.",
    query: attributionQuery,
    response: attributionSplitResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    defaultDays: 365,
    cache: 'data',
  }),
};
