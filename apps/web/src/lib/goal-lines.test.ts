import { describe, expect, it } from 'vitest';
import { metricGoals, trendAnnotations, trendGoals } from './goal-lines';

const goal = (metric: string, periodStart: string, periodEnd: string, target: number) => ({
  metric,
  segment: 'private' as const,
  periodStart,
  periodEnd,
  target,
});
const months = { from: '2026-08-01', to: '2026-10-01', grain: 'month' as const };
const labels = { goal: '目标', goalPerMonth: '目标（月均）', goalPerWeek: '目标（周均）' };

describe('goal lines', () => {
  it('when goals are for public or outside the chart, then only the private or all one in range is drawn', () => {
    const goals = [
      goal('gmv', '2026-09-01', '2026-10-01', 130),
      { ...goal('gmv', '2026-09-01', '2026-10-01', 99), segment: 'public' as const },
      { ...goal('gmv', '2026-08-01', '2026-09-01', 120), segment: 'all' as const },
      goal('gmv', '2025-01-01', '2025-02-01', 1),
    ];
    expect(trendGoals(goals, months, '目标')).toEqual([
      { value: 130, label: '目标' },
      { value: 120, label: '目标' },
    ]);
  });

  it('when goals of several metrics come in, then members at month end draws its own target as a line', () => {
    const goals = [
      goal('private_members', '2026-07-01', '2026-10-01', 1500),
      goal('gmv', '2026-08-01', '2026-09-01', 99),
      goal('private_members', '2025-01-01', '2025-02-01', 1),
      { ...goal('private_members', '2026-09-01', '2026-10-01', 7), segment: 'public' as const },
    ];
    expect(metricGoals(goals, 'private_members', months, labels)).toEqual([
      { value: 1500, label: '目标' },
    ]);
  });

  it('when a new-members goal spans whole months, then its line is the monthly pace, else it is left off', () => {
    const goals = [
      goal('new_private_members', '2026-09-01', '2026-10-01', 200),
      goal('new_private_members', '2026-07-01', '2026-10-01', 600),
      goal('new_private_members', '2026-09-15', '2026-10-15', 100),
    ];
    expect(metricGoals(goals, 'new_private_members', months, labels)).toEqual([
      { value: 200, label: '目标' },
      { value: 200, label: '目标（月均）' },
    ]);
  });

  it('when a credited-GMV goal covers a quarter, then a monthly chart draws a third and a weekly one its seven-day pace', () => {
    const goals = [
      goal('credited_gmv', '2026-07-01', '2026-10-01', 92_000),
      goal('gmv', '2026-07-01', '2026-10-01', 1),
      goal('credited_gmv', '2026-09-07', '2026-09-14', 5_000),
    ];
    expect(metricGoals(goals, 'credited_gmv', months, labels)).toEqual([
      { value: 92_000 / 3, label: '目标（月均）' },
    ]);
    const weeks = { from: '2026-08-31', to: '2026-09-28', grain: 'week' as const };
    expect(metricGoals(goals, 'credited_gmv', weeks, labels)).toEqual([
      { value: 7_000, label: '目标（周均）' },
      { value: 5_000, label: '目标' },
    ]);
  });

  it('when an annotation falls in a shown month or week, then it marks that period', () => {
    const rows = [
      { period: '2026-08', private: 100 },
      { period: '2026-09', private: 120 },
    ];
    expect(
      trendAnnotations(
        [
          { date: '2026-09-12', text: '中秋' },
          { date: '2026-01-02', text: 'old' },
        ],
        rows,
        'month',
      ),
    ).toEqual([{ period: '2026-09', text: '中秋' }]);
    expect(
      trendAnnotations(
        [{ date: '2026-09-16', text: 'live' }],
        [{ period: '2026-09-07' }, { period: '2026-09-14' }],
        'week',
      ),
    ).toEqual([{ period: '2026-09-14', text: 'live' }]);
  });
});
