import { describe, expect, it } from 'vitest';
import { cohortCurve, groupCohorts } from './cohort-rows';

const e = (value: number | null, numerator: number, denominator: number) => ({
  value,
  numerator,
  denominator,
});
const data = {
  basis: 'first_order' as const,
  asOf: '2026-03',
  cohorts: [
    {
      cohort: '2026-01',
      size: 10,
      cells: [e(1, 10, 10), e(0.3, 3, 10), e(0.2, 2, 10)],
      groups: {
        private: { size: 4, cells: [e(1, 4, 4), e(0.5, 2, 4), e(0.25, 1, 4)] },
        public: { size: 6, cells: [e(1, 6, 6), e(1 / 6, 1, 6), e(1 / 6, 1, 6)] },
      },
    },
    {
      cohort: '2026-02',
      size: 5,
      cells: [e(1, 5, 5), e(0.2, 1, 5)],
      groups: {
        private: { size: 0, cells: [e(null, 0, 0), e(null, 0, 0)] },
        public: { size: 5, cells: [e(1, 5, 5), e(0.2, 1, 5)] },
      },
    },
  ],
};

describe('groupCohorts', () => {
  it('takes a group’s sizes, shares and counts and drops its empty cohorts', () => {
    expect(groupCohorts(data, 'all').map((c) => [c.cohort, c.size, c.cells, c.counts])).toEqual([
      ['2026-01', 10, [1, 0.3, 0.2], [10, 3, 2]],
      ['2026-02', 5, [1, 0.2], [5, 1]],
    ]);
    expect(groupCohorts(data, 'private').map((c) => [c.cohort, c.size])).toEqual([['2026-01', 4]]);
    expect(groupCohorts(data, 'public', 1).map((c) => c.cohort)).toEqual(['2026-02']);
  });
});

describe('cohortCurve', () => {
  it('gives a cohort’s retention by month, private vs public; nothing for an unknown cohort', () => {
    expect(cohortCurve(data, '2026-01')).toEqual([
      { period: 'M0', private: 1, public: 1 },
      { period: 'M1', private: 0.5, public: 1 / 6 },
      { period: 'M2', private: 0.25, public: 1 / 6 },
    ]);
    expect(cohortCurve(data, '2025-12')).toEqual([]);
  });
});
