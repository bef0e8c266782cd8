import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSet, seedArb, shuffled } from './oracle-arbitraries.js';
import { assignTiers, tierMovement, tierSummary, topByShare, topCount } from './tiers.js';

const TZ = 'Asia/Shanghai';
const asOfArb = fc.constantFrom('2024-01-15', '2024-03-04', '2024-06-30');

describe('tier properties', () => {
  it('when customers and orders are shuffled, then every customer gets the same tier', () => {
    fc.assert(
      fc.property(dataSet(TZ), asOfArb, seedArb, ({ customers, orders }, asOf, seed) => {
        const a = assignTiers({ customers, orders, asOf });
        const b = assignTiers({
          customers: shuffled(customers, seed),
          orders: shuffled(orders, seed + 1),
          asOf,
        });
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
      }),
    );
  });

  it('when tiers are summarised, then customer shares sum to 1 and GMV shares to 1 or are null', () => {
    fc.assert(
      fc.property(dataSet(TZ), asOfArb, ({ customers, orders }, asOf) => {
        const tiers = assignTiers({ customers, orders, asOf });
        const rows = tierSummary({ tiers, orders, window: { from: '2023-11-01', to: asOf } });
        const customersTotal = rows.reduce((s, r) => s + r.customerShare.numerator, 0);
        expect(customersTotal).toBe(tiers.size);
        const gmvShares = rows.map((r) => r.gmvShare.value);
        if (gmvShares.every((v) => v !== null)) {
          expect(gmvShares.reduce((s, v) => s + v!, 0)).toBeCloseTo(1, 9);
        } else {
          expect(gmvShares.every((v) => v === null)).toBe(true);
        }
      }),
    );
  });

  it('when a top share is taken, then it holds at least ⌈share × n⌉ positive values unless fewer are positive, and ties are never split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
        fc.constantFrom(0, 0.2, 0.4, 1),
        (values, share) => {
          const map = new Map(values.map((v, i) => [`c${i}`, v]));
          const top = topByShare(map, share);
          const positive = values.filter((v) => v > 0).length;
          expect(top.size).toBeGreaterThanOrEqual(
            Math.min(topCount(share, values.length), positive),
          );
          for (const id of top) {
            for (const [other, v] of map) if (v === map.get(id)) expect(top.has(other)).toBe(true);
          }
        },
      ),
    );
  });

  it('when tiers move between two dates, then the movement matrix accounts for every customer of both', () => {
    fc.assert(
      fc.property(dataSet(TZ), ({ customers, orders }) => {
        const before = assignTiers({ customers, orders, asOf: '2024-03-04' });
        const after = assignTiers({ customers: customers.slice(1), orders, asOf: '2024-03-11' });
        const m = tierMovement(before, after);
        const cells = Object.values(m.matrix).flatMap((row) => Object.values(row));
        const gone = Object.values(m.matrix).reduce((s, row) => s + row.gone, 0);
        expect(cells.reduce((s, n) => s + n, 0)).toBe(after.size + gone);
        expect(m.moved + m.unchanged).toBe(after.size + gone);
      }),
    );
  });
});
