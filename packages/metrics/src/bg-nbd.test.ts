import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BgNbdFit,
  type BgNbdParams,
  type BgNbdRow,
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesByQuadrature,
  bgNbdExpectedPurchasesIfAlive,
  bgNbdExpectedPurchasesNew,
  bgNbdGroupedLogLikelihood,
  bgNbdGroupedLogLikelihoodGradient,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitBgNbdGrouped,
  groupBgNbdColumns,
  groupBgNbdRows,
  hyp2f1,
} from './bg-nbd.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cdnowDir = path.resolve(repoRoot, '../shared/data/cdnow');

interface CdnowRow extends BgNbdRow {
  id: number;
}

function loadSummary(): CdnowRow[] {
  const text = readFileSync(path.join(cdnowDir, 'cdnow_customers_summary.csv'), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id = NaN, frequency = NaN, recency = NaN, T = NaN] = line.split(',').map(Number);
      return { id, frequency, recency, T };
    });
}

/** Holdout transactions per sample customer id: distinct purchase days, 1997-10-01…1998-06-30. */
function loadHoldoutCounts(): Map<number, number> {
  const text = readFileSync(path.join(cdnowDir, 'CDNOW_sample.txt'), 'utf8');
  const days = new Map<number, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const [, id, date] = line.trim().split(/\s+/);
    if (id === undefined || date === undefined) continue;
    if (date < '19971001' || date > '19980630') continue;
    const set = days.get(Number(id)) ?? new Set<string>();
    set.add(date);
    days.set(Number(id), set);
  }
  return new Map([...days].map(([id, set]) => [id, set.size]));
}

/** The published CDNOW estimates (FHL 2005, table 1 / lifetimes). */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const rowArbitrary = fc
  .record({
    frequency: fc.integer({ min: 0, max: 200 }),
    T: fc.double({ min: 0, max: 500, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ frequency, T, share }) => ({
    frequency,
    T,
    recency: frequency === 0 ? 0 : Math.min(T, T * share),
  }));

const paramsArbitrary = fc.record({
  r: fc.double({ min: 0.01, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.01, max: 200, noNaN: true }),
  a: fc.double({ min: 0.01, max: 20, noNaN: true }),
  b: fc.double({ min: 0.01, max: 20, noNaN: true }),
});

describe('fitBgNbd on CDNOW', () => {
  let rows: CdnowRow[];
  let fit: BgNbdFit;
  beforeAll(() => {
    rows = loadSummary();
    fit = fitBgNbd(rows);
  });

  it('when fitted on the CDNOW calibration summary, then it reproduces the published r, α, a, b within 1%', () => {
    expect(rows).toHaveLength(2357);
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit[key] / PUBLISHED[key] - 1)).toBeLessThan(0.01);
    }
    // lifetimes: r = 0.2426, α = 4.4136, a = 0.7929, b = 2.4259; the paper's LL is −9582.4.
    expect(fit.r).toBeCloseTo(0.2426, 3);
    expect(fit.alpha).toBeCloseTo(4.4136, 2);
    expect(fit.a).toBeCloseTo(0.7929, 3);
    expect(fit.b).toBeCloseTo(2.4259, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('when the same customers come in another order, then the parameters are identical', () => {
    const again = fitBgNbd(shuffled(rows, 42));
    expect([again.r, again.alpha, again.a, again.b]).toEqual([fit.r, fit.alpha, fit.a, fit.b]);
  });

  it('when identical histories are grouped, then the likelihood equals the row-by-row sum', () => {
    const grouped = groupBgNbdRows(rows);
    expect(grouped.groups).toBeLessThan(rows.length / 2);
    expect(grouped.customers).toBe(rows.length);
    for (const params of [PUBLISHED, { r: 2, alpha: 0.5, a: 3, b: 0.2 }]) {
      const plain = bgNbdLogLikelihood(params, rows);
      expect(bgNbdGroupedLogLikelihood(params, grouped)).toBeCloseTo(plain, 8);
    }
  });

  it('when grouped, then the groups are the distinct (x, T, t_x) sorted ascending with their counts, the same from columns, and fit the same', () => {
    const grouped = groupBgNbdRows(rows);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.frequency}|${r.T}|${r.frequency === 0 ? 0 : r.recency}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const want = [...counts]
      .map(([key, w]) => [...key.split('|').map(Number), w] as number[])
      .sort((u, v) => u[0]! - v[0]! || u[1]! - v[1]! || u[2]! - v[2]!);
    const got = Array.from({ length: grouped.groups }, (_, k) => [
      grouped.xValues[grouped.xIndex[k]!]!,
      grouped.tValues[grouped.tIndex[k]!]!,
      grouped.recencyValues[grouped.recencyIndex[k]!]!,
      grouped.weight[k]!,
    ]);
    expect(got).toEqual(want);
    const columns = groupBgNbdColumns({
      frequency: Float64Array.from(rows, (r) => r.frequency),
      recency: Float64Array.from(rows, (r) => r.recency),
      T: Float64Array.from(rows, (r) => r.T),
    });
    expect(columns).toEqual(grouped);
    const again = fitBgNbdGrouped(columns);
    expect([again.r, again.alpha, again.a, again.b]).toEqual([fit.r, fit.alpha, fit.a, fit.b]);
    expect(() => groupBgNbdColumns({ frequency: [1], recency: [0, 1], T: [3] })).toThrow(
      /same length/,
    );
  });

  it('when differentiated analytically, then the gradient matches central differences', () => {
    const grouped = groupBgNbdRows(rows);
    for (const params of [PUBLISHED, { r: 2, alpha: 0.5, a: 3, b: 0.2 }]) {
      const { logLikelihood, gradient } = bgNbdGroupedLogLikelihoodGradient(params, grouped);
      expect(logLikelihood).toBeCloseTo(bgNbdGroupedLogLikelihood(params, grouped), 8);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) {
        const h = 1e-6 * params[key];
        const up = bgNbdGroupedLogLikelihood({ ...params, [key]: params[key] + h }, grouped);
        const down = bgNbdGroupedLogLikelihood({ ...params, [key]: params[key] - h }, grouped);
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(gradient[key] - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
      }
    }
  });

  it('when fitted by Nelder–Mead instead of BFGS, then both reach the same optimum', () => {
    const nm = fitBgNbd(rows, { optimizer: 'nelder-mead' });
    expect(nm.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(nm[key] / fit[key] - 1)).toBeLessThan(1e-5);
    }
    expect(nm.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('when predicting the 39-week holdout, then the total is near the 1,882 actual repeat purchases', () => {
    const holdout = loadHoldoutCounts();
    let actual = 0;
    let predicted = 0;
    let actualZero = 0;
    let predictedZero = 0;
    for (const row of rows) {
      const a = holdout.get(row.id) ?? 0;
      const p = bgNbdExpectedPurchases(fit, 39, row);
      actual += a;
      predicted += p;
      if (row.frequency === 0) {
        actualZero += a;
        predictedZero += p;
      }
    }
    expect(actual).toBe(1882);
    expect(actualZero).toBe(334);
    // The model under-forecasts CDNOW's holdout a little (measured: 1,653, −12%), as in the paper.
    expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.15);
    // Customers with no repeat purchase: 334 actual, 318 predicted (−5%).
    expect(Math.abs(predictedZero / actualZero - 1)).toBeLessThan(0.1);
  });

  it('when summing the unconditional expectation over the calibration ages, then it matches the 2,457 repeat purchases', () => {
    const expected = rows.reduce((s, row) => s + bgNbdExpectedPurchasesNew(fit, row.T), 0);
    expect(Math.abs(expected / 2457 - 1)).toBeLessThan(0.03);
  });
});

describe('fitBgNbd options and input checks', () => {
  const small: BgNbdRow[] = [
    { frequency: 0, recency: 0, T: 30 },
    { frequency: 2, recency: 20, T: 35 },
    { frequency: 5, recency: 33, T: 36 },
    { frequency: 1, recency: 3, T: 28 },
    { frequency: 0, recency: 0, T: 38 },
  ];

  it('when a penalizer is given, then the parameters shrink', () => {
    const plain = fitBgNbd(small);
    const penalised = fitBgNbd(small, { penalizer: 0.1 });
    const size = (p: BgNbdParams) => p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2;
    expect(size(penalised)).toBeLessThan(size(plain));
  });

  it('when rows are empty or invalid, then fitting throws a RangeError that names the problem', () => {
    expect(() => fitBgNbd([])).toThrow(/must not be empty/);
    expect(() => fitBgNbd([{ frequency: 1, recency: 40, T: 38 }])).toThrow(/must not exceed T/);
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 4, T: 38 }])).toThrow(/integer/);
    expect(() => fitBgNbd([{ frequency: -1, recency: 0, T: 38 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1, recency: -1, T: 38 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: Number.NaN }])).toThrow(RangeError);
    expect(() => fitBgNbd(small, { penalizer: -1 })).toThrow(RangeError);
    expect(() =>
      fitBgNbd([
        { frequency: 0, recency: 0, T: 30 },
        { frequency: 0, recency: 0, T: 20 },
      ]),
    ).toThrow(/no customer has a repeat purchase/);
  });
});

describe('BG/NBD predictions', () => {
  const customer1: BgNbdRow = { frequency: 2, recency: 30.43, T: 38.86 };

  it('when a customer has no repeat purchase, then P(alive) is exactly 1', () => {
    expect(bgNbdProbabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });

  it('when given CDNOW customer 1 (x = 2, t_x = 30.43, T = 38.86), then P(alive) and E[Y(39)] match the paper', () => {
    // 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243), worked by hand.
    expect(bgNbdProbabilityAlive(PUBLISHED, customer1)).toBeCloseTo(0.7266, 4);
    // FHL's worked example: this customer is expected to make 1.226 purchases in the next 39 weeks.
    expect(bgNbdExpectedPurchases(PUBLISHED, 39, customer1)).toBeCloseTo(1.226, 3);
  });

  it('when the last purchase is older, then the customer is less likely alive', () => {
    const recent = bgNbdProbabilityAlive(PUBLISHED, { frequency: 3, recency: 35, T: 38 });
    const old = bgNbdProbabilityAlive(PUBLISHED, { frequency: 3, recency: 5, T: 38 });
    expect(old).toBeLessThan(recent);
  });

  it('when t is tiny, then new-customer purchases grow at the mean rate r/α', () => {
    const t = 1e-6;
    expect(bgNbdExpectedPurchasesNew(PUBLISHED, t) / t).toBeCloseTo(
      PUBLISHED.r / PUBLISHED.alpha,
      6,
    );
    expect(bgNbdExpectedPurchasesNew(PUBLISHED, 0)).toBe(0);
  });

  it('when t is huge and a > 1, then new-customer purchases approach E[1/p] = (a+b−1)/(a−1)', () => {
    const params = { r: 1, alpha: 2, a: 3, b: 4 };
    expect(bgNbdExpectedPurchasesNew(params, 1e9)).toBeCloseTo(3, 3);
    expect(bgNbdExpectedPurchasesNew(params, 1e9)).toBeLessThan(3);
  });

  it('when a is exactly 1, then the removable singularity gives the limit of its neighbours', () => {
    const at = (a: number) => bgNbdExpectedPurchases({ ...PUBLISHED, a }, 52, customer1);
    const mid = at(1);
    expect(Number.isFinite(mid)).toBe(true);
    expect(mid).toBeCloseTo((at(1 - 1e-7) + at(1 + 1e-7)) / 2, 9);
    expect(mid).toBeCloseTo(
      bgNbdExpectedPurchasesByQuadrature({ ...PUBLISHED, a: 1 }, 52, customer1),
      9,
    );
  });

  it('when t grows, then expected purchases grow', () => {
    // Found by fast-check: here z crosses the series/quadrature hand-over at 0.995.
    const saturated = { r: 0.01, alpha: 0.15922592133234126, a: 10.021296811443687, b: 0.01 };
    const row = { frequency: 20, T: 0, recency: 0 };
    const t = 31.68595834513645;
    expect(bgNbdExpectedPurchases(saturated, 1.5 * t, row)).toBeGreaterThanOrEqual(
      bgNbdExpectedPurchases(saturated, t, row) * (1 - 1e-12),
    );
    fc.assert(
      fc.property(
        paramsArbitrary,
        rowArbitrary,
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (params, row, t) => {
          const now = bgNbdExpectedPurchases(params, t, row);
          const later = bgNbdExpectedPurchases(params, t * 1.5, row);
          // (up to rounding where the series hands over to quadrature near saturation)
          expect(later).toBeGreaterThanOrEqual(now * (1 - 1e-12));
        },
      ),
    );
  });

  it('when rows and parameters are random but valid, then P(alive) ∈ [0, 1] and E[Y(t)] ≥ 0 is finite', () => {
    fc.assert(
      fc.property(
        paramsArbitrary,
        rowArbitrary,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (params, row, t) => {
          const alive = bgNbdProbabilityAlive(params, row);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const expected = bgNbdExpectedPurchases(params, t, row);
          expect(Number.isFinite(expected)).toBe(true);
          expect(expected).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('when split into the expectation given alive and P(alive), then their product is E[Y(t)] bit for bit, whatever the recency', () => {
    fc.assert(
      fc.property(
        paramsArbitrary,
        rowArbitrary,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (params, row, t, share) => {
          const ifAlive = bgNbdExpectedPurchasesIfAlive(params, t, row);
          expect(ifAlive * bgNbdProbabilityAlive(params, row)).toBe(
            bgNbdExpectedPurchases(params, t, row),
          );
          // The part given alive does not depend on t_x (grouped scoring shares it over (x, T)).
          const other = { ...row, recency: row.frequency === 0 ? 0 : row.T * share };
          expect(bgNbdExpectedPurchasesIfAlive(params, t, other)).toBe(ifAlive);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when computed by the hypergeometric series and by quadrature over p, then both agree', () => {
    fc.assert(
      fc.property(
        paramsArbitrary,
        rowArbitrary,
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        (params, row, t) => {
          const series = bgNbdExpectedPurchases(params, t, row);
          const quadrature = bgNbdExpectedPurchasesByQuadrature(params, t, row);
          expect(Math.abs(series - quadrature)).toBeLessThanOrEqual(
            1e-8 * Math.max(quadrature, 1e-12),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when the paper formula is evaluated with the plain ₂F₁, then it agrees with the transformed series', () => {
    const { r, alpha, a, b } = PUBLISHED;
    const { frequency: x, T } = customer1;
    const t = 39;
    const z = t / (alpha + T + t);
    const bracket =
      1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
    const direct =
      ((a + b + x - 1) / (a - 1)) * bracket * bgNbdProbabilityAlive(PUBLISHED, customer1);
    expect(bgNbdExpectedPurchases(PUBLISHED, t, customer1)).toBeCloseTo(direct, 10);
  });

  it('when inputs are invalid, then predictions throw a RangeError instead of returning NaN', () => {
    expect(() => bgNbdProbabilityAlive({ ...PUBLISHED, a: 0 }, customer1)).toThrow(RangeError);
    expect(() => bgNbdProbabilityAlive({ ...PUBLISHED, r: Number.NaN }, customer1)).toThrow(
      RangeError,
    );
    expect(() => bgNbdExpectedPurchases(PUBLISHED, -1, customer1)).toThrow(RangeError);
    expect(() =>
      bgNbdExpectedPurchases(PUBLISHED, 39, { frequency: 2, recency: 50, T: 38 }),
    ).toThrow(/must not exceed T/);
  });
});

describe('hyp2f1', () => {
  it('when it has a closed form, then the series matches it, even at z = 0.99', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
      expect(hyp2f1(0.7, 2.5, 2.5, z)).toBeCloseTo((1 - z) ** -0.7, 10);
      // ₂F₁(½, 1; 3/2; −z²) = arctan(z)/z
      if (z > 0) expect(hyp2f1(0.5, 1, 1.5, -z * z)).toBeCloseTo(Math.atan(z) / z, 12);
    }
  });

  it('when z is outside (−1, 1) or c is a non-positive integer, then it throws a RangeError', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -1.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
  });
});
