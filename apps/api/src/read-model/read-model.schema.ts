import { z } from 'zod';

/** A figure with the inputs that made it (packages/metrics Evidence). */
export const evidenceSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

export const segmentEvidenceSchema = z.object({
  public: evidenceSchema,
  private: evidenceSchema,
  all: evidenceSchema,
});

export const windowSchema = z.object({ from: z.string(), to: z.string() });

/** 'YYYY-MM' */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
  .meta({ example: '2026-09' });

export const basisSchema = z
  .enum(['first_order', 'private_join'])
  .default('first_order')
  .describe('cohort basis: month of the first-ever order or of joining the private domain');

export const maxKSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(120)
  .optional()
  .describe('largest month offset shown');
