import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases } from './bg-nbd.js';
import { MONTH_IN_WEEKS, type PredictedClvRow, predictedClv } from './predicted-clv.js';

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma = { p: 6.25, q: 3.74, v: 15.44 };
/** CDNOW customer 1: x = 2, t_x = 30.43 weeks, T = 38.86 weeks, z̄ = $22.35. */
const customer1: PredictedClvRow = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

describe('predictedClv', () => {
  it('when one undiscounted 39-week period is asked, then value = E[Y(39)] · E[spend] · margin', () => {
    const result = predictedClv({
      bgNbd,
      gammaGamma,
      row: customer1,
      horizon: 1,
      periodLength: 39,
      discountRate: 0,
      margin: 0.3,
    });
    // 1.226 purchases expected in 39 weeks (FHL's worked example) × $24.664 expected spend × 30%.
    expect(result.expectedPurchases).toBeCloseTo(1.226, 3);
    expect(result.expectedSpend).toBeCloseTo(24.6637, 3);
    expect(result.value).toBeCloseTo(1.226 * 24.6637 * 0.3, 2);
    expect(result.pAlive).toBeCloseTo(0.7266, 4);
  });

  it('when there is no discount, then the periods telescope to the whole-horizon expectation', () => {
    const result = predictedClv({
      bgNbd,
      gammaGamma,
      row: customer1,
      periodLength: MONTH_IN_WEEKS,
      discountRate: 0,
    });
    const whole = bgNbdExpectedPurchases(bgNbd, 12 * MONTH_IN_WEEKS, customer1);
    expect(result.periods).toHaveLength(12);
    expect(result.expectedPurchases).toBeCloseTo(whole, 12);
    expect(result.value).toBeCloseTo(whole * result.expectedSpend, 10);
  });

  it('when using the defaults (12 months, 1% a month), then value sits just below the undiscounted one', () => {
    const discounted = predictedClv({
      bgNbd,
      gammaGamma,
      row: customer1,
      periodLength: MONTH_IN_WEEKS,
    });
    const plain = predictedClv({
      bgNbd,
      gammaGamma,
      row: customer1,
      periodLength: MONTH_IN_WEEKS,
      discountRate: 0,
    });
    expect(discounted.value).toBeLessThan(plain.value);
    // every purchase is discounted by between 1/1.01 and 1/1.01¹²
    expect(discounted.value).toBeGreaterThan(plain.value / 1.01 ** 12);
    expect(discounted.value).toBeLessThan(plain.value / 1.01);
    expect(discounted.periods[0]?.discountFactor).toBeCloseTo(1 / 1.01, 15);
  });

  it('when the margin halves, then the value halves', () => {
    const full = predictedClv({ bgNbd, gammaGamma, row: customer1, margin: 1 });
    const half = predictedClv({ bgNbd, gammaGamma, row: customer1, margin: 0.5 });
    expect(half.value).toBeCloseTo(full.value / 2, 12);
  });

  it('when a customer has not bought again, then spend is the population mean and monetaryValue is ignored', () => {
    const row = { frequency: 0, recency: 0, T: 30, monetaryValue: 0 };
    const result = predictedClv({ bgNbd, gammaGamma, row });
    expect(result.pAlive).toBe(1);
    expect(result.expectedSpend).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    expect(result.value).toBeGreaterThan(0);
  });

  it('when rows are random but valid, then the value is finite, ≥ 0, and periods sum to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        (frequency, T, share, monetaryValue) => {
          const row = { frequency, T, recency: frequency === 0 ? 0 : T * share, monetaryValue };
          const result = predictedClv({ bgNbd, gammaGamma, row, periodLength: MONTH_IN_WEEKS });
          expect(Number.isFinite(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
          const sum = result.periods.reduce((s, p) => s + p.value, 0);
          expect(sum).toBeCloseTo(result.value, 8);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('when options or rows are invalid, then it throws a RangeError', () => {
    const base = { bgNbd, gammaGamma, row: customer1 };
    expect(() => predictedClv({ ...base, horizon: 0 })).toThrow(/horizon/);
    expect(() => predictedClv({ ...base, horizon: 2.5 })).toThrow(/horizon/);
    expect(() => predictedClv({ ...base, discountRate: -0.1 })).toThrow(/discountRate/);
    expect(() => predictedClv({ ...base, periodLength: 0 })).toThrow(/periodLength/);
    expect(() => predictedClv({ ...base, margin: 1.5 })).toThrow(/margin/);
    expect(() => predictedClv({ ...base, row: { ...customer1, recency: 40 } })).toThrow(RangeError);
    expect(() => predictedClv({ ...base, row: { ...customer1, monetaryValue: 0 } })).toThrow(
      RangeError,
    );
    expect(() => predictedClv({ ...base, gammaGamma: { p: 0.1, q: 0.5, v: 1 } })).toThrow(
      RangeError,
    );
  });
});
