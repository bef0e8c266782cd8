import { addDays, daysBetween, localDateOf, type DateWindow } from '@yugang/metrics';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/** Shared zod pieces for routes. Query values arrive as strings: coerce numbers explicitly. */

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

export const DEFAULT_RANGE_DAYS = 28;
/** Three years and a day of slack for one leap day. */
export const MAX_RANGE_DAYS = 3 * 366;

/**
 * `?from=&to=`: a half-open window [from, to) of local dates in the workspace time zone.
 * Both are optional here; `resolveDateRange` fills the defaults (the last 28 days up to and
 * including today) once the workspace is known. When both are given they are checked here.
 */
export const dateRangeQuery = z
  .object({
    from: isoDate.optional().describe('first day, inclusive (default: to − 28 days)'),
    to: isoDate.optional().describe('day after the last, exclusive (default: tomorrow)'),
  })
  .superRefine((range, ctx) => {
    if (range.from && range.to) {
      for (const issue of rangeProblems(range.from, range.to)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: issue });
      }
    }
  });
export type DateRangeQuery = z.output<typeof dateRangeQuery>;

function rangeProblems(from: string, to: string): string[] {
  const days = daysBetween(from, to);
  if (days <= 0) return ['to must be after from'];
  if (days > MAX_RANGE_DAYS) return [`the range may span at most ${MAX_RANGE_DAYS} days`];
  return [];
}

/**
 * The window a date-range query asks for, with defaults: `to` = tomorrow in the workspace time
 * zone (so today is included), `from` = to − 28 days; given only `from`, to = from + 28 days.
 */
export function resolveDateRange(
  query: DateRangeQuery,
  timeZone: string,
  now: Date = new Date(),
): DateWindow {
  const to =
    query.to ??
    (query.from ? addDays(query.from, DEFAULT_RANGE_DAYS) : addDays(localDateOf(now, timeZone), 1));
  const from = query.from ?? addDays(to, -DEFAULT_RANGE_DAYS);
  const problems = rangeProblems(from, to);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'invalid_request',
      'the request is not valid',
      problems.map((message) => ({ path: 'query.to', message })),
    );
  }
  return { from, to };
}

/** The error body every failing route answers; documented on every operation. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
