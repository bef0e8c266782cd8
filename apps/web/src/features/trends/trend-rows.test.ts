import { describe, expect, it } from 'vitest';
import { trendAnnotations, trendGoals, trendRows } from './trend-rows';

const ev = (value: number | null) => ({ value, numerator: value ?? 0, denominator: 1 });

const trends = {
  metric: 'gmv' as const,
  grain: 'month' as const,
  from: '2026-08-01',
  to: '2026-10-01',
  points: [
    { period: '2026-08-01', public: ev(90), private: ev(100), all: ev(190) },
    { period: '2026-09-01', public: ev(95), private: ev(120), all: ev(215) },
  ],
  goals: [
    {
      id: 1,
      segment: 'private' as const,
      periodStart: '2026-09-01',
      periodEnd: '2026-10-01',
      target: 130,
      purpose: 'x',
    },
    {
      id: 2,
      segment: 'public' as const,
      periodStart: '2026-09-01',
      periodEnd: '2026-10-01',
      target: 99,
      purpose: 'x',
    },
    {
      id: 3,
      segment: 'all' as const,
      periodStart: '2025-01-01',
      periodEnd: '2025-02-01',
      target: 1,
      purpose: 'x',
    },
  ],
  annotations: [],
};

describe('trend rows', () => {
  it('when months arrive as first days, then rows are labelled YYYY-MM with both sides', () => {
    expect(trendRows(trends)).toEqual([
      { period: '2026-08', private: 100, public: 90 },
      { period: '2026-09', private: 120, public: 95 },
    ]);
  });

  it('when goals are for public or outside the chart, then only the private one in range is drawn', () => {
    expect(trendGoals(trends.goals, trends, '目标')).toEqual([{ value: 130, label: '目标' }]);
  });

  it('when an annotation falls in a shown month or week, then it marks that period', () => {
    const rows = trendRows(trends);
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
        [
          { period: '2026-09-07', private: 1 },
          { period: '2026-09-14', private: 2 },
        ],
        'week',
      ),
    ).toEqual([{ period: '2026-09-14', text: 'live' }]);
  });
});
