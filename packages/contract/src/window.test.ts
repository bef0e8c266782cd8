import { describe, expect, it } from 'vitest';
import { isoDate } from './common.js';
import {
  asOfQuery,
  isoWeekOf,
  latestAllowedDate,
  resolveAsOf,
  resolveWindow,
  weekStart,
  windowQuery,
  WindowError,
  withWindow,
} from './window.js';
import { z } from 'zod';
import { cohortsQuery } from './cohorts.js';
import { ltvQuery } from './ltv.js';

describe('isoDate', () => {
  it('when a date is well formed and exists, then it parses; otherwise it fails', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-02-29').success).toBe(false);
    expect(isoDate.safeParse('2025-1-5').success).toBe(false);
    expect(isoDate.safeParse('2025-13-01').success).toBe(false);
  });
});

describe('ISO weeks', () => {
  it('when a week is named, then it starts on its Monday; a year without week 53 has none', () => {
    expect(weekStart('2026-W01')).toBe('2025-12-29');
    expect(weekStart('2020-W53')).toBe('2020-12-28');
    expect(weekStart('2025-W53')).toBeNull();
    expect(isoWeekOf('2025-12-31')).toBe('2026-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-10-01')).toBe('2026-W40');
  });
});

describe('windowQuery and resolveWindow', () => {
  const latest = '2026-10-01';

  it('when nothing is given, then the window is the 28 days up to and including the latest data day', () => {
    expect(resolveWindow(windowQuery.parse({}), latest)).toEqual({
      from: '2026-09-04',
      to: '2026-10-02',
    });
    expect(resolveWindow({}, latest, 7)).toEqual({ from: '2026-09-25', to: '2026-10-02' });
  });

  it('when only from or only to is given, then the other is the default length away', () => {
    expect(resolveWindow({ from: '2025-01-01' }, latest)).toEqual({
      from: '2025-01-01',
      to: '2025-01-29',
    });
    expect(resolveWindow({ to: '2025-01-29' }, latest)).toEqual({
      from: '2025-01-01',
      to: '2025-01-29',
    });
  });

  it('when a week or a month is named, then it is that Monday week or calendar month', () => {
    expect(resolveWindow(windowQuery.parse({ week: '2026-W40' }), latest)).toEqual({
      from: '2026-09-28',
      to: '2026-10-05',
    });
    expect(resolveWindow(windowQuery.parse({ month: '2024-02' }), latest)).toEqual({
      from: '2024-02-01',
      to: '2024-03-01',
    });
  });

  it('when to is not after from, the span passes three years, or two kinds are mixed, then it is invalid', () => {
    const bad = [
      { from: '2025-01-02', to: '2025-01-02' },
      { from: '2020-01-01', to: '2025-01-01' },
      { week: '2026-W01', month: '2026-01' },
      { from: '2026-01-01', week: '2026-W01' },
      { week: '2025-W53' },
      { from: '1999-12-31' },
      { week: '1999-W52' },
      { week: '3495-W10' },
      { month: '3495-03' },
      { to: latestAllowedDate().replace(/^(\d{4})/, (y) => String(Number(y) + 1)) },
    ];
    for (const query of bad)
      expect(windowQuery.safeParse(query).success, JSON.stringify(query)).toBe(false);
    expect(windowQuery.safeParse({ from: '2022-01-01', to: '2025-01-01' }).success).toBe(true);
    expect(() => resolveWindow({ from: '2025-01-02', to: '2025-01-01' }, latest)).toThrow(
      WindowError,
    );
  });

  it('when a route adds its own fields, then they parse beside the window and the checks still hold', () => {
    const query = withWindow({ grain: z.enum(['week', 'month']).default('month') });
    expect(query.parse({ week: '2026-W40' })).toEqual({ week: '2026-W40', grain: 'month' });
    expect(query.safeParse({ from: '2025-02-01', to: '2025-01-01' }).success).toBe(false);
  });
});

describe('asOf', () => {
  it('when asOf is left out, then it is the day after the latest data day (exclusive end)', () => {
    expect(resolveAsOf(asOfQuery.parse({}), '2026-10-01')).toBe('2026-10-02');
    expect(resolveAsOf({ asOf: '2026-05-01' }, '2026-10-01')).toBe('2026-05-01');
    expect(asOfQuery.safeParse({ asOf: '0001-01-01' }).success).toBe(false);
  });
});

describe('the month a cohort table ends on', () => {
  it('when asOf names a month outside 2000-01 … a year from today, then cohorts and LTV refuse it', () => {
    // A far-future asOf once held the event loop 4 s building thousands of empty months.
    for (const query of [cohortsQuery, ltvQuery]) {
      expect(query.safeParse({ asOf: '3495-03' }).success).toBe(false);
      expect(query.safeParse({ asOf: '1999-12' }).success).toBe(false);
      expect(query.safeParse({ asOf: '2026-09' }).success).toBe(true);
    }
  });
});
