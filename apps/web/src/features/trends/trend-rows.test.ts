import { describe, expect, it } from 'vitest';
import { trendRows } from './trend-rows';

const ev = (value: number | null) => ({ value, numerator: value ?? 0, denominator: 1 });

const trends = {
  grain: 'month' as const,
  points: [
    { period: '2026-08-01', public: ev(90), private: ev(100), all: ev(190) },
    { period: '2026-09-01', public: ev(95), private: ev(120), all: ev(215) },
  ],
};

describe('trend rows', () => {
  it('when months arrive as first days, then rows are labelled YYYY-MM with both sides', () => {
    expect(trendRows(trends)).toEqual([
      { period: '2026-08', private: 100, public: 90 },
      { period: '2026-09', private: 120, public: 95 },
    ]);
  });
});
