/**
 * The one date window of every dashboard route: `from`/`to`, `week`, `month` or `asOf`, parsed
 * here and resolved once by the API's route kit in the workspace time zone. Defaults anchor on
 * the workspace's latest data day, not the clock, so a workspace whose data ends last month
 * still opens on its data. Every date is bounded (2000-01-01 … today + 1 year), so no period
 * loop downstream can run away.
 */
import { addDays, addMonths, daysBetween } from '@yugang/metrics';
import { z } from 'zod';
import { isoDate, monthSchema } from './common.js';

export const EARLIEST_DATE = '2000-01-01';
/** The latest date any window may name: a year past today (UTC), for plans and goals. */
export function latestAllowedDate(now: Date = new Date()): string {
  return addDays(now.toISOString().slice(0, 10), 366);
}
export const DEFAULT_RANGE_DAYS = 28;
/** Three years and a day of slack for one leap day. */
export const MAX_RANGE_DAYS = 3 * 366;

/** A date a window may name: a calendar date between 2000-01-01 and a year from today. */
export const boundedDate = isoDate.refine(
  (value) => value >= EARLIEST_DATE && value <= latestAllowedDate(),
  { message: `expected a date from ${EARLIEST_DATE} to a year from today` },
);

/** ISO week 'YYYY-Www' (Monday start). */
export const isoWeek = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected a week as YYYY-Www')
  .refine((value) => weekStart(value) !== null, { message: 'no such ISO week' })
  .refine(
    (value) => {
      const monday = weekStart(value);
      return monday === null || (monday >= EARLIEST_DATE && monday <= latestAllowedDate());
    },
    { message: `expected a week from ${EARLIEST_DATE} to a year from today` },
  )
  .meta({ example: '2026-W39' });

/** A month a window may name: from 2000-01 to a year from today. */
export const boundedMonth = monthSchema.refine(
  (value) => `${value}-01` >= EARLIEST_DATE && `${value}-01` <= latestAllowedDate(),
  { message: `expected a month from ${EARLIEST_DATE.slice(0, 7)} to a year from today` },
);

/**
 * `?from=&to=` (half-open [from, to)), or `?week=2026-W39`, or `?month=2026-09`: one of the three.
 * Left out: the last 28 days up to and including the latest data day.
 */
const windowShape = {
  from: boundedDate.optional().describe('first day, inclusive'),
  to: boundedDate.optional().describe('day after the last, exclusive'),
  week: isoWeek.optional().describe('an ISO week (Monday to Sunday), instead of from/to'),
  month: boundedMonth.optional().describe('a calendar month, instead of from/to'),
};

interface WindowFields {
  from?: string | undefined;
  to?: string | undefined;
  week?: string | undefined;
  month?: string | undefined;
}

function checkWindow(query: WindowFields, ctx: z.RefinementCtx<unknown>): void {
  const kinds = [query.from || query.to ? 'from/to' : null, query.week, query.month];
  if (kinds.filter(Boolean).length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['week'],
      message: 'give from/to, week or month, not several',
    });
  }
  if (query.from && query.to) {
    for (const message of rangeProblems(query.from, query.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message });
    }
  }
}

/**
 * `?from=&to=` (half-open [from, to)), or `?week=2026-W39`, or `?month=2026-09`: one of the three,
 * plus the route's own fields. Left out: the route's default length up to and including the
 * latest data day.
 */
export function withWindow<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ ...windowShape, ...shape })
    .superRefine((query, ctx) => checkWindow(query as WindowFields, ctx));
}

export const windowQuery = withWindow({});
export type WindowQuery = z.output<typeof windowQuery>;

/** `?asOf=`: an exclusive end date (the midnight starting it); default: the day after the latest data day. */
export const asOfQuery = z.object({
  asOf: boundedDate
    .optional()
    .describe(
      'exclusive: data before this day counts (default: the day after the latest data day)',
    ),
});
export type AsOfQuery = z.output<typeof asOfQuery>;

export interface DateWindow {
  from: string;
  to: string;
}

export class WindowError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function rangeProblems(from: string, to: string): string[] {
  const days = daysBetween(from, to);
  if (days <= 0) return ['to must be after from'];
  if (days > MAX_RANGE_DAYS) return [`the range may span at most ${MAX_RANGE_DAYS} days`];
  return [];
}

/** Monday of ISO week 'YYYY-Www', or null when the year has no such week. */
export function weekStart(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  // Week 1 holds 4 January; its Monday starts the ISO year.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const start = new Date(monday.getTime() + (n - 1) * 7 * 86_400_000);
  const date = start.toISOString().slice(0, 10);
  return isoWeekOf(date) === week ? date : null;
}

/** The ISO week 'YYYY-Www' holding a date. */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The window a query asks for. `latestDay` is the workspace's latest data day (or today when it
 * has no data); the default is `defaultDays` days up to and including it. Given only `from`,
 * the window runs `defaultDays` from it; given only `to`, `defaultDays` before it.
 */
export function resolveWindow(
  query: WindowQuery,
  latestDay: string,
  defaultDays: number = DEFAULT_RANGE_DAYS,
): DateWindow {
  let window: DateWindow;
  if (query.week) {
    const from = weekStart(query.week);
    if (!from) throw new WindowError('query.week', 'no such ISO week');
    window = { from, to: addDays(from, 7) };
  } else if (query.month) {
    window = { from: `${query.month}-01`, to: `${addMonths(query.month, 1)}-01` };
  } else {
    const to = query.to ?? (query.from ? addDays(query.from, defaultDays) : addDays(latestDay, 1));
    window = { from: query.from ?? addDays(to, -defaultDays), to };
  }
  const problems = rangeProblems(window.from, window.to);
  if (problems.length > 0) throw new WindowError('query.to', problems.join('; '));
  return window;
}

/** The exclusive end a query asks for: `asOf`, else the day after the latest data day. */
export function resolveAsOf(query: AsOfQuery, latestDay: string): string {
  return query.asOf ?? addDays(latestDay, 1);
}

/** How fresh the data behind an answer is; every windowed answer carries it. */
export const freshnessSchema = z
  .object({
    latestDataDay: z
      .string()
      .nullable()
      .describe('the latest local day with orders or other daily data; null without data'),
    lastImportAt: z.string().nullable().describe('when the latest successful import finished'),
  })
  .describe('how fresh the data is');
export type Freshness = z.output<typeof freshnessSchema>;
