import { addDays, addMonths } from '@yugang/metrics';
import {
  DEFAULT_END_DATE,
  HISTORY_MONTHS,
  LAUNCH_MONTHS_BEFORE_END,
  SHANGHAI_OFFSET_MS,
} from './story.js';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

/** The demo's calendar: all instants are epoch milliseconds; dates are Shanghai local dates. */
export interface Timeline {
  /** First local date of the data, 'YYYY-MM-DD' (a month start). */
  startDate: string;
  /** First local date after the data (exclusive end): any day, e.g. today so the data ends yesterday. */
  endDate: string;
  /** Private launch date (workspace.private_launched_on), a month start. */
  launchDate: string;
  startMs: number;
  endMs: number;
  launchMs: number;
  /** 'YYYY-MM' of each whole month of the data, oldest first (costs are booked per whole month). */
  months: string[];
}

/**
 * The calendar of a demo whose data ends the day before `endDate`. History and launch count whole
 * months back from the month holding `endDate`; a month cut by the end has orders and daily
 * statistics up to the end but no costs yet (finance books a month once it closes).
 */
export function timeline(endDate: string = DEFAULT_END_DATE): Timeline {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate)) {
    throw new Error(`demo end date must be a date YYYY-MM-DD (got ${endDate})`);
  }
  const endMonth = endDate.slice(0, 7);
  const startDate = `${addMonths(endMonth, -HISTORY_MONTHS)}-01`;
  const launchDate = `${addMonths(endMonth, -LAUNCH_MONTHS_BEFORE_END)}-01`;
  const months: string[] = [];
  for (let i = 0; i < HISTORY_MONTHS; i += 1) months.push(addMonths(startDate.slice(0, 7), i));
  return {
    startDate,
    endDate,
    launchDate,
    startMs: localMidnightMs(startDate),
    endMs: localMidnightMs(endDate),
    launchMs: localMidnightMs(launchDate),
    months,
  };
}

/** The instant a Shanghai local date begins. */
export function localMidnightMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

/** The Shanghai local date of an instant, 'YYYY-MM-DD'. */
export function localDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole local days since the epoch (Shanghai), for cheap day arithmetic. */
export function localDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export { addDays };
