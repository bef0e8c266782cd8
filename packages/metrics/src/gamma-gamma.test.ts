import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GammaGammaRow,
  fitGammaGamma,
  fitGammaGammaColumns,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
} from './gamma-gamma.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cdnowDir = path.resolve(repoRoot, '../shared/data/cdnow');

function loadSpend(): GammaGammaRow[] {
  const file = path.join(cdnowDir, 'cdnow_customers_summary_with_transactions.csv');
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x = NaN, , , zbar = NaN] = line.split(',').map(Number);
      return { frequency: x, monetaryValue: zbar };
    });
}

const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

describe('fitGammaGamma', () => {
  const rows = loadSpend();

  it('when fitted on CDNOW repeat buyers, then it converges to the published p, q, v within 1%', () => {
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    for (const key of ['p', 'q', 'v'] as const) {
      expect(Math.abs(fit[key] / PUBLISHED[key] - 1)).toBeLessThan(0.01);
    }
    expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit, rows), 8);
  });

  it('when fitted, then it reports the frequency–spend correlation the model assumes away (CDNOW: 0.11)', () => {
    const fit = fitGammaGamma(rows);
    expect(fit.frequencySpendCorrelation).toBeCloseTo(0.1137, 3);
    const constant = fitGammaGamma([
      { frequency: 2, monetaryValue: 10 },
      { frequency: 2, monetaryValue: 30 },
    ]);
    expect(constant.frequencySpendCorrelation).toBeNull();
  });

  it('when started far from the optimum, then it reaches the same maximum', () => {
    const fit = fitGammaGamma(rows, { initialParams: { p: 20, q: 10, v: 100 } });
    expect(fit.p).toBeCloseTo(6.2488, 3);
    expect(fit.q).toBeCloseTo(3.7446, 3);
    expect(fit.v).toBeCloseTo(15.4478, 2);
  });

  it('when rows come in another order, then the parameters are identical', () => {
    const fit = fitGammaGamma(rows);
    const again = fitGammaGamma([...rows].reverse());
    expect([again.p, again.q, again.v]).toEqual([fit.p, fit.q, fit.v]);
  });

  it('when fitted by BFGS with the gradient, then it reaches the Nelder–Mead optimum (parameters within 1e-5, log-likelihood within 1e-10)', () => {
    const subsets: GammaGammaRow[][] = [
      rows,
      rows.map((r) => ({ ...r, monetaryValue: r.monetaryValue * 100 })),
      rows.slice(0, 800),
    ];
    for (const data of subsets) {
      const fit = fitGammaGamma(data);
      const simplex = fitGammaGamma(data, { optimizer: 'nelder-mead' });
      expect(fit.converged).toBe(true);
      expect(fit.evaluations).toBeLessThan(simplex.evaluations / 5);
      for (const key of ['p', 'q', 'v'] as const) {
        expect(Math.abs(fit[key] / simplex[key] - 1)).toBeLessThan(1e-5);
      }
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(
        simplex.logLikelihood - 1e-10 * Math.abs(simplex.logLikelihood),
      );
      expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit, data), 6);
    }
  });

  it('when given as columns, then the fit is the same as from rows, and columns of different lengths are refused', () => {
    const fit = fitGammaGamma(rows);
    const columns = fitGammaGammaColumns({
      frequency: Float64Array.from(rows, (r) => r.frequency),
      monetaryValue: Float64Array.from(rows, (r) => r.monetaryValue),
    });
    expect(columns).toEqual(fit);
    expect(() => fitGammaGammaColumns({ frequency: [1, 2], monetaryValue: [3] })).toThrow(
      /same length/,
    );
  });

  it('when the input is empty, has no repeat buyer or has invalid rows, then it throws a RangeError', () => {
    expect(() => fitGammaGamma([])).toThrow(/must not be empty/);
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(/frequency > 0/);
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: -3 }])).toThrow(RangeError);
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 0 }])).toThrow(/must be > 0/);
    expect(() => fitGammaGamma([{ frequency: 0.5, monetaryValue: 10 }])).toThrow(/integer/);
    expect(() => fitGammaGamma([{ frequency: 1, monetaryValue: Infinity }])).toThrow(RangeError);
  });
});

describe('gammaGammaExpectedSpend', () => {
  it('when a customer has no repeat purchase, then the expectation is the population mean p·v/(q−1)', () => {
    const expected = (PUBLISHED.p * PUBLISHED.v) / (PUBLISHED.q - 1);
    expect(gammaGammaExpectedSpend(PUBLISHED, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(
      expected,
      10,
    );
  });

  it('when a customer has history, then the expectation lies between their mean and the population mean', () => {
    const population = (PUBLISHED.p * PUBLISHED.v) / (PUBLISHED.q - 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        (frequency, monetaryValue) => {
          const e = gammaGammaExpectedSpend(PUBLISHED, { frequency, monetaryValue });
          const lo = Math.min(population, monetaryValue);
          const hi = Math.max(population, monetaryValue);
          expect(e).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
          expect(e).toBeLessThanOrEqual(hi * (1 + 1e-12));
        },
      ),
    );
  });

  it('when a customer buys more often, then the estimate leans more on their own mean', () => {
    const few = gammaGammaExpectedSpend(PUBLISHED, { frequency: 1, monetaryValue: 200 });
    const many = gammaGammaExpectedSpend(PUBLISHED, { frequency: 20, monetaryValue: 200 });
    expect(many).toBeGreaterThan(few);
    expect(many).toBeLessThan(200);
    // CDNOW customer 1 (x = 2, z̄ = 22.35): (15.44 + 44.70) · 6.25 / (12.5 + 2.74)
    expect(gammaGammaExpectedSpend(PUBLISHED, { frequency: 2, monetaryValue: 22.35 })).toBeCloseTo(
      24.66371,
      3,
    );
  });

  it('when the mean does not exist, then it throws instead of returning Infinity', () => {
    expect(() =>
      gammaGammaExpectedSpend({ p: 1, q: 0.5, v: 1 }, { frequency: 0, monetaryValue: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      gammaGammaExpectedSpend({ p: 0.1, q: 0.5, v: 1 }, { frequency: 2, monetaryValue: 5 }),
    ).toThrow(RangeError);
    expect(() =>
      gammaGammaExpectedSpend({ p: Number.NaN, q: 2, v: 1 }, { frequency: 2, monetaryValue: 5 }),
    ).toThrow(RangeError);
  });
});
