/**
 * Local dates ('YYYY-MM-DD') in a workspace time zone and the instants that bound them.
 * Windows are half-open [from, to); weeks start on Monday.
 */
import type { DateWindow } from './records.js';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts;
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const p = wallClock(instant, timeZone);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`;
}

/** The instant a local date begins (00:00) in a time zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // Offset at the guess, then correct once more for days when the offset changes.
  let instant = guess - offsetMs(new Date(guess), timeZone);
  instant = guess - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = wallClock(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 'YYYY-MM' of a local date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Months from month a to month b ('YYYY-MM'), b − a. */
export function monthsBetween(a: string, b: string): number {
  return (
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
    Number(b.slice(5, 7)) -
    Number(a.slice(5, 7))
  );
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The Monday on or before a local date. */
export function weekStartOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The whole weeks (from Monday) or calendar months overlapping [from, to), as their first days,
 * ascending. Counted, not looped to a string bound, so a bad bound cannot run away.
 */
export function periodStarts(grain: 'week' | 'month', from: string, to: string): string[] {
  if (from >= to) return [];
  const first = grain === 'week' ? weekStartOf(from) : `${monthOf(from)}-01`;
  const count =
    grain === 'week'
      ? Math.ceil(daysBetween(first, to) / 7)
      : monthsBetween(monthOf(first), monthOf(to)) + (to.endsWith('-01') ? 0 : 1);
  return Array.from({ length: Math.max(0, count) }, (_, i) =>
    grain === 'week' ? addDays(first, 7 * i) : `${addMonths(monthOf(first), i)}-01`,
  );
}

/** The day after a period that starts on `start` (the next Monday or the next month's first). */
export function periodEnd(grain: 'week' | 'month', start: string): string {
  return grain === 'week' ? addDays(start, 7) : `${addMonths(monthOf(start), 1)}-01`;
}

export function inWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date < window.to;
}

/** The window of the same length just before. */
export function previousWindow(window: DateWindow): DateWindow {
  const length = daysBetween(window.from, window.to);
  return { from: addDays(window.from, -length), to: window.from };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
