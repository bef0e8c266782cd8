import { describe, expect, it } from 'vitest';
import { defaultWeek, reviewWindows } from './review-window.js';

describe('defaultWeek', () => {
  it('when the latest data day is a Sunday, then its own week is complete', () => {
    expect(defaultWeek('2026-09-27')).toBe('2026-W39');
  });
  it('when the latest data day is mid-week, then the week before', () => {
    expect(defaultWeek('2026-09-30')).toBe('2026-W39');
    expect(defaultWeek('2026-09-28')).toBe('2026-W39');
  });
});

describe('reviewWindows', () => {
  it('gives 12 weeks ending with the week, the same ISO week last year and the last whole month', () => {
    const w = reviewWindows('2026-W39');
    expect(w.weeks.series).toHaveLength(12);
    expect(w.weeks.series.at(-1)).toEqual({ from: '2026-09-21', to: '2026-09-28' });
    expect(w.weeks.series[0]).toEqual({ from: '2026-07-06', to: '2026-07-13' });
    expect(w.weeks.yearAgo).toEqual({ from: '2025-09-22', to: '2025-09-29' });
    expect(w.months.series.at(-1)).toEqual({ from: '2026-08-01', to: '2026-09-01' });
    expect(w.months.yearAgo).toEqual({ from: '2025-08-01', to: '2025-09-01' });
  });
  it('when the week ends exactly at a month end, then that month is the last whole one', () => {
    expect(reviewWindows('2026-W22').months.series.at(-1)).toEqual({
      from: '2026-05-01',
      to: '2026-06-01',
    });
  });
  it('when last year has no week 53, then the week 364 days earlier', () => {
    expect(reviewWindows('2026-W53').weeks.yearAgo.from).toBe('2025-12-29');
  });
});
