import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases } from './bg-nbd.js';
import {
  MONTH_IN_DAYS,
  MONTH_IN_WEEKS,
  type PredictedClvColumns,
  type PredictedClvRow,
  predictedClv,
  predictedClvColumns,
  predictedClvColumnsSteps,
} from './predicted-clv.js';

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

/** Customers drawn from few values, so that many share (x, t_x, T) and (x, T). */
const customersArb = fc.array(
  fc.record({
    frequency: fc.integer({ min: 0, max: 6 }),
    T: fc.constantFrom(0, 3, 10, 45.5, 200, 900),
    share: fc.constantFrom(0, 0.25, 0.37, 0.5, 1),
    monetaryValue: fc.constantFrom(0.5, 12, 99.9, 3000),
  }),
  { minLength: 1, maxLength: 300 },
);

const columnsOf = (
  customers: { frequency: number; T: number; share: number; monetaryValue: number }[],
): PredictedClvColumns => ({
  frequency: customers.map((c) => c.frequency),
  T: customers.map((c) => c.T),
  recency: customers.map((c) => (c.frequency === 0 ? 0 : c.T * c.share)),
  monetaryValue: customers.map((c) => c.monetaryValue),
});

describe('predictedClvColumns', () => {
  it('when many customers share histories, then every score equals predictedClv row by row, bit for bit, with one group per distinct (x, t_x, T)', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.05, max: 5, noNaN: true }),
          alpha: fc.double({ min: 0.5, max: 150, noNaN: true }),
          a: fc.double({ min: 0.1, max: 8, noNaN: true }),
          b: fc.double({ min: 0.1, max: 12, noNaN: true }),
        }),
        fc.record({
          p: fc.double({ min: 0.5, max: 12, noNaN: true }),
          q: fc.double({ min: 1.5, max: 30, noNaN: true }),
          v: fc.double({ min: 1, max: 600, noNaN: true }),
        }),
        customersArb,
        fc.record({
          horizon: fc.integer({ min: 1, max: 24 }),
          discountRate: fc.constantFrom(0, 0.01, 0.05),
          periodLength: fc.constantFrom(1, MONTH_IN_WEEKS, MONTH_IN_DAYS),
          margin: fc.constantFrom(0, 0.35, 1),
        }),
        (bg, gg, customers, options) => {
          const rows = columnsOf(customers);
          const scores = predictedClvColumns({ bgNbd: bg, gammaGamma: gg, rows, ...options });
          const triples = new Set<string>();
          const pairs = new Set<string>();
          customers.forEach((c, i) => {
            const row = {
              frequency: c.frequency,
              recency: rows.recency[i]!,
              T: c.T,
              monetaryValue: c.monetaryValue,
            };
            triples.add(`${row.frequency}|${row.recency}|${row.T}`);
            pairs.add(`${row.frequency}|${row.T}`);
            const one = predictedClv({ bgNbd: bg, gammaGamma: gg, row, ...options });
            expect(scores.value[i]).toBe(one.value);
            expect(scores.pAlive[i]).toBe(one.pAlive);
            expect(scores.expectedPurchases[i]).toBe(one.expectedPurchases);
          });
          expect(scores.groups).toBe(triples.size);
          expect(scores.curves).toBe(pairs.size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('when stepped, then it yields between steps of bounded work and ends with the one-go answer', () => {
    const n = 100_000;
    const rows: PredictedClvColumns = {
      frequency: Float64Array.from({ length: n }, (_, i) => i % 7),
      T: Float64Array.from({ length: n }, (_, i) => 30 + (i % 977)),
      recency: Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : (i % 13) + 1)),
      monetaryValue: Float64Array.from({ length: n }, (_, i) => 10 + (i % 101)),
    };
    const input = { bgNbd, gammaGamma, rows, periodLength: MONTH_IN_DAYS };
    const steps = predictedClvColumnsSteps(input);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields += 1;
      step = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(2 * Math.floor(n / 32_768));
    const once = predictedClvColumns(input);
    expect(step.value.value).toEqual(once.value);
    expect(step.value.groups).toBeLessThan(n);
    expect(step.value.curves).toBeLessThan(step.value.groups);
  });

  it('when a row or an option is invalid, then it throws a RangeError as predictedClv does', () => {
    const base = { bgNbd, gammaGamma };
    const rows = columnsOf([{ frequency: 2, T: 10, share: 0.5, monetaryValue: 5 }]);
    expect(() => predictedClvColumns({ ...base, rows: { ...rows, recency: [11] } })).toThrow(
      /row 0/,
    );
    expect(() => predictedClvColumns({ ...base, rows: { ...rows, monetaryValue: [0] } })).toThrow(
      RangeError,
    );
    expect(() => predictedClvColumns({ ...base, rows: { ...rows, T: [10, 11] } })).toThrow(
      /same length/,
    );
    expect(() => predictedClvColumns({ ...base, rows, horizon: 0 })).toThrow(/horizon/);
    expect(predictedClvColumns({ ...base, rows: columnsOf([]) }).value).toHaveLength(0);
  });
});
