/** Zod pieces every feature's contract uses. Query values arrive as strings: coerce numbers explicitly. */
import { z } from 'zod';

/** A local calendar date 'YYYY-MM-DD' that exists (no 2025-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { message: 'not a calendar date' },
  )
  .meta({ format: 'date', example: '2025-01-31' });

/** 'YYYY-MM' */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
  .meta({ example: '2026-09' });

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes')
  .meta({ example: 'demo' });

/** The `:ws` param every workspace route has; the kit adds it for you. */
export const workspaceParams = z.object({ ws: slug });

/** A positive integer id in the path, e.g. `idParam('userId')` for `/members/:userId`. */
export const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export function idParam<K extends string>(name: K) {
  return z.object({ [name]: positiveId } as { [P in K]: typeof positiveId });
}

/**
 * Money in every JSON answer and body: yuan as a number with at most two decimals (¥12,345.67 is
 * 12345.67). The database keeps integer fen; the API converts once on the way out
 * (`fenToYuan` of @yugang/metrics), so a figure survives the round trip exactly.
 */
export const yuan = z.number().describe('money in yuan (CNY), at most 2 decimals');

/** The error body every failing route answers; documented on every operation. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.output<typeof errorBody>;
