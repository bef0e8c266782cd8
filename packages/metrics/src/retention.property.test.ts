import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historicalLtv } from './ltv-historical.js';
import { dataSet, seedArb, shuffled } from './oracle-arbitraries.js';
import { retentionTriangle, type CohortBasis } from './retention.js';

const TZ = 'Asia/Shanghai';
const basisArb = fc.constantFrom<CohortBasis>('first_order', 'private_join');
const asOfArb = fc.option(fc.constantFrom('2023-12', '2024-02', '2024-06'), { nil: undefined });
const maxKArb = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined });

describe('retentionTriangle properties', () => {
  it('when the basis is first_order, then month 0 retention is 100% for every cohort', () => {
    fc.assert(
      fc.property(dataSet(TZ), asOfArb, ({ customers, orders }, asOf) => {
        const t = retentionTriangle({
          customers,
          orders,
          basis: 'first_order',
          timeZone: TZ,
          asOf,
        });
        for (const c of t.cohorts) {
          expect(c.cells[0]).toEqual({ value: 1, numerator: c.size, denominator: c.size });
        }
      }),
    );
  });

  it('when any data are given, then every cell is within [0, 1] and the shape is a triangle up to asOf', () => {
    fc.assert(
      fc.property(dataSet(TZ), basisArb, asOfArb, maxKArb, (data, basis, asOf, maxK) => {
        const t = retentionTriangle({ ...data, basis, timeZone: TZ, asOf, maxK });
        let previousWidth = Infinity;
        for (const c of t.cohorts) {
          expect(c.size).toBeGreaterThan(0);
          expect(c.cohort <= t.asOf!).toBe(true);
          expect(c.cells.length).toBeLessThanOrEqual(previousWidth);
          if (maxK !== undefined) expect(c.cells.length).toBeLessThanOrEqual(maxK + 1);
          previousWidth = c.cells.length;
          for (const e of [...c.cells, ...c.groups.public.cells, ...c.groups.private.cells]) {
            if (e.value === null) continue;
            expect(e.value).toBeGreaterThanOrEqual(0);
            expect(e.value).toBeLessThanOrEqual(1);
          }
          expect(c.groups.public.size + c.groups.private.size).toBe(c.size);
          c.cells.forEach((all, k) => {
            const split =
              c.groups.public.cells[k]!.numerator + c.groups.private.cells[k]!.numerator;
            expect(split).toBe(all.numerator);
          });
        }
      }),
    );
  });

  it('when customers and orders are shuffled, then the triangle is the same', () => {
    fc.assert(
      fc.property(dataSet(TZ), basisArb, seedArb, ({ customers, orders }, basis, seed) => {
        const a = retentionTriangle({ customers, orders, basis, timeZone: TZ });
        const b = retentionTriangle({
          customers: shuffled(customers, seed),
          orders: shuffled(orders, seed + 1),
          basis,
          timeZone: TZ,
        });
        expect(b).toEqual(a);
      }),
    );
  });
});

describe('historicalLtv properties', () => {
  it('when split by group, then sizes and cumulative sums of public and private add up to all and never fall', () => {
    fc.assert(
      fc.property(dataSet(TZ), basisArb, asOfArb, (data, basis, asOf) => {
        const ltv = historicalLtv({ ...data, basis, measure: 'gmv', timeZone: TZ, asOf });
        const retention = retentionTriangle({ ...data, basis, timeZone: TZ, asOf });
        expect(ltv.cohorts.map((c) => [c.cohort, c.size.all, c.cells.all.length])).toEqual(
          retention.cohorts.map((c) => [c.cohort, c.size, c.cells.length]),
        );
        for (const c of ltv.cohorts) {
          expect(c.size.public + c.size.private).toBe(c.size.all);
          c.cells.all.forEach((all, k) => {
            expect(c.cells.public[k]!.numerator + c.cells.private[k]!.numerator).toBe(
              all.numerator,
            );
            if (k > 0) expect(all.numerator).toBeGreaterThanOrEqual(c.cells.all[k - 1]!.numerator);
            expect(Number.isNaN(all.value)).toBe(false);
          });
        }
      }),
    );
  });

  it('when customers and orders are shuffled, then the LTV curves are the same', () => {
    fc.assert(
      fc.property(dataSet(TZ), basisArb, seedArb, ({ customers, orders }, basis, seed) => {
        const input = { basis, measure: 'gross_profit' as const, timeZone: TZ, defaultMargin: 0.3 };
        const a = historicalLtv({ customers, orders, ...input });
        const b = historicalLtv({
          customers: shuffled(customers, seed),
          orders: shuffled(orders, seed + 1),
          ...input,
        });
        expect(b).toEqual(a);
      }),
    );
  });
});
