import { describe, expect, it } from 'vitest';
import { seededRandom } from './bootstrap.js';
import {
  estimateExperiment,
  planExperiment,
  sampleRatioCheck,
  type ExperimentCustomer,
} from './experiments.js';

function poisson(rand: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rand();
  while (u > s && k < 200) {
    k += 1;
    p *= mean / k;
    s += p;
  }
  return k;
}
function exponential(rand: () => number, mean: number): number {
  return -Math.log(1 - rand()) * mean;
}

const VALUE = 150;
const MARGIN = 0.4;
/** Orders a customer places over the test: Poisson(λ + δ in treatment), λ ~ Exp(0.3). */
const RATE_MEAN = 0.3;

function abTest(seed: number, customers: number, holdoutShare: number, delta: number) {
  const rand = seededRandom(seed);
  const rows: ExperimentCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    const arm = rand() < holdoutShare ? 'holdout' : 'treatment';
    const rate = exponential(rand, RATE_MEAN) + (arm === 'treatment' ? delta : 0);
    const orders = poisson(rand, rate);
    let gmv = 0;
    for (let k = 0; k < orders; k++) gmv += exponential(rand, VALUE);
    rows.push({ arm, orders, gmv, grossProfit: gmv * MARGIN });
  }
  return rows;
}

describe('estimateExperiment', () => {
  it('when the arms are given, then the lift is the difference of the per-customer means', () => {
    const r = estimateExperiment(
      [
        { arm: 'treatment', orders: 2, gmv: 200, grossProfit: 80 },
        { arm: 'treatment', orders: 0, gmv: 0, grossProfit: 0 },
        { arm: 'holdout', orders: 1, gmv: 50, grossProfit: 20 },
        { arm: 'holdout', orders: 0, gmv: 0, grossProfit: 0 },
      ],
      { plannedTreatmentShare: 0.5 },
    );
    expect(r.treatment).toEqual({
      customers: 2,
      conversion: 0.5,
      orders: 1,
      gmv: 100,
      grossProfit: 40,
    });
    expect(r.lift.orders.estimate).toBeCloseTo(0.5, 12);
    expect(r.lift.gmv.relative).toBeCloseTo(3, 12);
    expect(r.lift.conversion.estimate).toBe(0);
    expect(r.sampleRatio.mismatch).toBe(false);
  });

  it('when an arm is empty, then there are no intervals', () => {
    const r = estimateExperiment([{ arm: 'treatment', orders: 1, gmv: 1, grossProfit: 1 }], {
      plannedTreatmentShare: 0.9,
    });
    expect(r.lift.orders.low).toBeNull();
    expect(r.holdout.customers).toBe(0);
  });
});

describe('sampleRatioCheck', () => {
  it('when 22 % are held out of 20,000 planned at 20 %, then it is a mismatch', () => {
    const check = sampleRatioCheck(15_600, 4_400, 0.8);
    expect(check.mismatch).toBe(true);
    expect(check.pValue).toBeLessThan(1e-6);
  });
  it('when the split is as planned, then it is not', () => {
    expect(sampleRatioCheck(8_010, 1_990, 0.8).mismatch).toBe(false);
  });
});

describe('planExperiment', () => {
  it('when a 10 % conversion should rise by 20 %, then it needs the textbook ~7,060 customers', () => {
    const plan = planExperiment({ baseline: 0.1, lift: 0.2, weeklyEligible: 1_000 });
    // (1.96 + 0.8416)² × 0.09 × (2 + 2) / 0.02² = 7,064
    expect(plan.customers).toBeGreaterThanOrEqual(7_060);
    expect(plan.customers).toBeLessThanOrEqual(7_070);
    expect(plan.weeks).toBe(8);
    expect(plan.holdout + plan.treatment).toBe(plan.customers);
  });
  it('when the holdout is smaller, then more customers are needed', () => {
    const half = planExperiment({ baseline: 0.1, lift: 0.2 });
    const tenth = planExperiment({ baseline: 0.1, lift: 0.2, holdoutShare: 0.1 });
    expect(tenth.customers / half.customers).toBeCloseTo((1 / 0.1 + 1 / 0.9) / 4, 2);
  });
  it('when inputs are impossible, then it throws', () => {
    expect(() => planExperiment({ baseline: 0, lift: 0.1 })).toThrow(RangeError);
    expect(() => planExperiment({ baseline: 2, lift: 0.1 })).toThrow(RangeError);
    expect(() => planExperiment({ baseline: 0.1, lift: 0 })).toThrow(RangeError);
    expect(() => planExperiment({ baseline: 0.1, lift: 0.1, holdoutShare: 1 })).toThrow(RangeError);
  });
});

// 200 seeded A/B tests of 3,000 customers, 20 % held out.
const RUNS = 200;
const CUSTOMERS = 3_000;
const HOLDOUT = 0.2;

function simulate(delta: number) {
  // Truths: orders +δ; GMV +δ × VALUE; conversion: E[e^{−λ}](1 − e^{−δ}), λ ~ Exp(mean 0.3).
  const truth = {
    orders: delta,
    gmv: delta * VALUE,
    conversion: (1 / (1 + RATE_MEAN)) * (1 - Math.exp(-delta)),
  };
  const covered = { orders: 0, gmv: 0, conversion: 0 };
  let positive = 0;
  let mismatches = 0;
  for (let run = 0; run < RUNS; run++) {
    const r = estimateExperiment(abTest(500 + run, CUSTOMERS, HOLDOUT, delta), {
      plannedTreatmentShare: 1 - HOLDOUT,
    });
    for (const metric of ['orders', 'gmv', 'conversion'] as const) {
      const { low, high } = r.lift[metric];
      if (low! <= truth[metric] && truth[metric] <= high!) covered[metric] += 1;
    }
    if (r.lift.grossProfit.low! > 0) positive += 1;
    if (r.sampleRatio.mismatch) mismatches += 1;
  }
  return {
    coverage: {
      orders: covered.orders / RUNS,
      gmv: covered.gmv / RUNS,
      conversion: covered.conversion / RUNS,
    },
    significantlyPositive: positive / RUNS,
    mismatches,
  };
}

describe('estimateExperiment over 200 simulated A/B tests', () => {
  it('when treatment adds 0.05 orders per customer, then the 90 % intervals cover the truth in 85–95 %', () => {
    const s = simulate(0.05);
    console.log('A/B simulation, +0.05 orders:', s);
    for (const c of Object.values(s.coverage)) {
      expect(c).toBeGreaterThanOrEqual(0.85);
      expect(c).toBeLessThanOrEqual(0.95);
    }
    expect(s.mismatches).toBeLessThanOrEqual(2);
  });

  it('when treatment changes nothing, then gross profit is significantly positive in at most ~10 %', () => {
    const s = simulate(0);
    console.log('A/B simulation, no lift:', s);
    expect(s.significantlyPositive).toBeLessThanOrEqual(0.1);
  });

  it('when a test is sized by the planner, then it detects the planned lift in about 80 % of runs', () => {
    const baseline = 0.2;
    const lift = 0.15;
    const plan = planExperiment({ baseline, lift, holdoutShare: HOLDOUT });
    let detected = 0;
    for (let run = 0; run < RUNS; run++) {
      const rand = seededRandom(9000 + run);
      const rows: ExperimentCustomer[] = [];
      for (let i = 0; i < plan.customers; i++) {
        const arm = i < plan.holdout ? 'holdout' : 'treatment';
        const p = arm === 'treatment' ? baseline * (1 + lift) : baseline;
        const orders = rand() < p ? 1 : 0;
        rows.push({ arm, orders, gmv: orders, grossProfit: orders });
      }
      const r = estimateExperiment(rows, { plannedTreatmentShare: 1 - HOLDOUT, level: 0.95 });
      if (r.lift.conversion.pValue! < 0.05) detected += 1;
    }
    console.log('A/B planner: customers', plan.customers, 'power', detected / RUNS);
    expect(detected / RUNS).toBeGreaterThanOrEqual(0.72);
    expect(detected / RUNS).toBeLessThanOrEqual(0.88);
  });
});
