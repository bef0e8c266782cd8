/** A figure with the inputs that made it (the Evidence of @yugang/metrics), as the API sends it. */
import { z } from 'zod';

export const evidenceSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});
export type EvidenceJson = z.output<typeof evidenceSchema>;

export const segmentEvidenceSchema = z.object({
  public: evidenceSchema,
  private: evidenceSchema,
  all: evidenceSchema,
});

export const windowSchema = z
  .object({ from: z.string(), to: z.string() })
  .describe('half-open [from, to) of local dates in the workspace time zone');

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
