import { describe, expect, it } from 'vitest';
import { cohortLtvRows } from './ltv-rows';

const ev = (value: number | null) => ({ value, numerator: value ?? 0, denominator: 1 });
const cohort = (month: string, privateValues: number[], publicValues: number[]) => ({
  cohort: month,
  size: { public: 10, private: 5, all: 15 },
  cells: {
    private: privateValues.map(ev),
    public: publicValues.map(ev),
    all: privateValues.map(ev),
  },
});

describe('cohort LTV rows', () => {
  it('when cohorts are too young for the horizon, then they are left out and the last ones kept', () => {
    const ltv = {
      cohorts: [
        cohort('2026-01', [100, 150, 180], [90, 100, 110]),
        cohort('2026-02', [110, 160, 200], [95, 105, 115]),
        cohort('2026-03', [120, 170], [99, 109]),
      ],
    };
    expect(cohortLtvRows(ltv, 2, 12)).toEqual([
      { period: '2026-01', private: 180, public: 110 },
      { period: '2026-02', private: 200, public: 115 },
    ]);
    expect(cohortLtvRows(ltv, 2, 1)).toEqual([{ period: '2026-02', private: 200, public: 115 }]);
  });
});
