import { describe, expect, it } from 'vitest';
import { cohortCurves, modelReading, weightedCurve } from './ltv-analysis-rows';

const e = (value: number | null) => ({ value, numerator: 0, denominator: 0 });
const ltv = {
  cohorts: [
    {
      cohort: '2026-01',
      size: { all: 30, private: 10, public: 20 },
      cells: { all: [e(100), e(150)], private: [e(120), e(200)], public: [e(90), e(125)] },
    },
    {
      cohort: '2026-02',
      size: { all: 10, private: 0, public: 10 },
      cells: { all: [e(60)], private: [e(null)], public: [e(60)] },
    },
  ],
} as unknown as Parameters<typeof cohortCurves>[0];

describe('ltv analysis rows', () => {
  it('gives each cohort’s curve for a group, leaving out cohorts without that group', () => {
    expect(cohortCurves(ltv, 'private', 6)).toEqual([
      { cohort: '2026-01', size: 10, values: [120, 200] },
    ]);
    expect(cohortCurves(ltv, 'public', 1).map((c) => c.cohort)).toEqual(['2026-02']);
  });

  it('weights each month’s mean by cohort size over the cohorts that reached it', () => {
    // month 0: (90·20 + 60·10) / 30 = 80; month 1: only the January cohort
    expect(weightedCurve(ltv, 'public')).toEqual([80, 125]);
    expect(weightedCurve(ltv, 'private')).toEqual([120, 200]);
  });

  it('reads the fitted parameters in everyday units', () => {
    const predicted = {
      model: {
        bgNbd: { r: 0.5, alpha: 100, a: 1, b: 3 },
        gammaGamma: { p: 6, q: 4, v: 50 },
      },
    } as unknown as Parameters<typeof modelReading>[0];
    const reading = modelReading(predicted)!;
    expect(reading.purchasesPerYear).toBeCloseTo(1.825);
    expect(reading.dropoutPerPurchase).toBe(0.25);
    expect(reading.meanSpend).toBe(100);
    expect(modelReading({ model: null } as unknown as typeof predicted)).toBeNull();
  });
});
