/**
 * Date windows the pages ask for, half-open [from, to) of local dates. Presets count from the
 * workspace's latest data day (the "as of" day), not the clock, so a workspace whose data ends
 * last month still opens on its data. Here rather than in the web app because the API's warm-up
 * computes the same windows (page-presets.ts).
 */
import { addDays, addMonths, daysBetween, weekStartOf } from '@yugang/metrics';
import type { DateWindow } from './window.js';

export const PRESETS = [
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'last_12_months',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];

export const COMPARISONS = ['previous', 'year_ago'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The window of a preset around the as-of day (the last day with data, inclusive). */
export function presetWindow(
  preset: Exclude<Preset, 'custom'>,
  asOf: string,
): DateWindow & { unfinished: boolean } {
  const end = addDays(asOf, 1);
  const week = weekStartOf(asOf);
  const month = `${asOf.slice(0, 7)}-01`;
  switch (preset) {
    case 'this_week':
      return { from: week, to: addDays(week, 7), unfinished: end < addDays(week, 7) };
    case 'last_week':
      return { from: addDays(week, -7), to: week, unfinished: false };
    case 'this_month': {
      const next = `${addMonths(asOf.slice(0, 7), 1)}-01`;
      return { from: month, to: next, unfinished: end < next };
    }
    case 'last_month':
      return { from: `${addMonths(asOf.slice(0, 7), -1)}-01`, to: month, unfinished: false };
    case 'last_12_months':
      return { from: shiftYear(end, -1), to: end, unfinished: false };
  }
}

/** 环比: the same-length window just before; 同比: the same dates a year earlier. */
export function comparisonWindow(window: DateWindow, comparison: Comparison): DateWindow {
  if (comparison === 'previous') {
    const length = daysBetween(window.from, window.to);
    // a calendar month compares with the calendar month before, not the 30 days before
    if (isWholeMonths(window)) {
      const months = monthSpan(window);
      return {
        from: `${addMonths(window.from.slice(0, 7), -months)}-01`,
        to: window.from,
      };
    }
    return { from: addDays(window.from, -length), to: window.from };
  }
  return { from: shiftYear(window.from, -1), to: shiftYear(window.to, -1) };
}

function isWholeMonths(window: DateWindow): boolean {
  return window.from.endsWith('-01') && window.to.endsWith('-01');
}

function monthSpan(window: DateWindow): number {
  const [fy, fm] = [Number(window.from.slice(0, 4)), Number(window.from.slice(5, 7))];
  const [ty, tm] = [Number(window.to.slice(0, 4)), Number(window.to.slice(5, 7))];
  return (ty - fy) * 12 + tm - fm;
}

/** The same date a year away; 29 February becomes 28 February. */
export function shiftYear(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  if (rest === '-02-29') {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return `${year}${leap ? rest : '-02-28'}`;
  }
  return `${year}${rest}`;
}

/** The months 'YYYY-MM-01' a trend shows: `span` months ending with the month holding asOf. */
export function trendRange(asOf: string, span: number): DateWindow {
  const last = asOf.slice(0, 7);
  return { from: `${addMonths(last, -(span - 1))}-01`, to: `${addMonths(last, 1)}-01` };
}

/** Whether the month holding asOf is still running (asOf is not its last day). */
export function monthUnfinished(asOf: string): boolean {
  return addDays(asOf, 1).slice(0, 7) === asOf.slice(0, 7);
}

/** Fewer days than this into a month, and a trend ends with the month before. */
export const MIN_DAYS_SHOWN = 7;

/**
 * The last day a monthly trend shows and whether its month is unfinished (drawn dashed). A month
 * only a few days old says little and reads as a collapse, so it is left out until a week in.
 */
export function trendEnd(lastDay: string): { day: string; unfinished: boolean } {
  if (!monthUnfinished(lastDay)) return { day: lastDay, unfinished: false };
  if (Number(lastDay.slice(8, 10)) >= MIN_DAYS_SHOWN) return { day: lastDay, unfinished: true };
  return { day: addDays(`${lastDay.slice(0, 7)}-01`, -1), unfinished: false };
}
