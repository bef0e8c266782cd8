import { describe, expect, it } from 'vitest';
import {
  comparisonWindow,
  monthUnfinished,
  presetWindow,
  shiftYear,
  trendEnd,
  trendRange,
} from './periods.js';

describe('date presets', () => {
  const asOf = '2026-09-30'; // a Wednesday, the last day of September

  it('when the data ends on a Wednesday, then this week runs Monday to Monday and is unfinished', () => {
    expect(presetWindow('this_week', asOf)).toEqual({
      from: '2026-09-28',
      to: '2026-10-05',
      unfinished: true,
    });
    expect(presetWindow('last_week', asOf)).toEqual({
      from: '2026-09-21',
      to: '2026-09-28',
      unfinished: false,
    });
  });

  it('when the data ends on the last day of a month, then this month is finished', () => {
    expect(presetWindow('this_month', asOf)).toEqual({
      from: '2026-09-01',
      to: '2026-10-01',
      unfinished: false,
    });
    expect(presetWindow('this_month', '2026-09-29').unfinished).toBe(true);
    expect(presetWindow('last_month', asOf)).toMatchObject({
      from: '2026-08-01',
      to: '2026-09-01',
    });
    expect(presetWindow('last_12_months', asOf)).toMatchObject({
      from: '2025-10-01',
      to: '2026-10-01',
    });
    expect(presetWindow('last_12_months', '2026-12-01')).toMatchObject({
      from: '2025-12-02',
      to: '2026-12-02',
    });
  });

  it('when comparing, then 环比 takes the window before and 同比 the same dates a year earlier', () => {
    expect(comparisonWindow({ from: '2026-09-21', to: '2026-09-28' }, 'previous')).toEqual({
      from: '2026-09-14',
      to: '2026-09-21',
    });
    expect(comparisonWindow({ from: '2026-03-01', to: '2026-04-01' }, 'previous')).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
    });
    expect(comparisonWindow({ from: '2026-09-21', to: '2026-09-28' }, 'year_ago')).toEqual({
      from: '2025-09-21',
      to: '2025-09-28',
    });
    expect(shiftYear('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('when a trend spans 12 months, then it ends with the month holding the as-of day', () => {
    expect(trendRange('2026-09-15', 12)).toEqual({ from: '2025-10-01', to: '2026-10-01' });
    expect(monthUnfinished('2026-09-15')).toBe(true);
    expect(monthUnfinished('2026-09-30')).toBe(false);
  });

  it('when the data is only days into a month, then the trend ends with the month before', () => {
    expect(trendEnd('2026-12-01')).toEqual({ day: '2026-11-30', unfinished: false });
    expect(trendEnd('2026-12-09')).toEqual({ day: '2026-12-09', unfinished: true });
    expect(trendEnd('2026-11-30')).toEqual({ day: '2026-11-30', unfinished: false });
  });
});
