import { SECTION1_IDS } from '@yugang/metrics';
import { z } from 'zod';
import { isoDate } from '../../http/schemas.js';
import { evidenceSchema } from '../../read-model/read-model.schema.js';

export const trendsQuery = z.object({
  metric: z.enum(SECTION1_IDS).default('gmv'),
  grain: z.enum(['week', 'month']).default('month'),
  from: isoDate.optional().describe('default: 12 months (month grain) or 12 weeks before to'),
  to: isoDate.optional().describe('exclusive; default tomorrow'),
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
