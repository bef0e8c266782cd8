import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSet, seedArb, shuffled } from './oracle-arbitraries.js';
import { isCountedOrder } from './order-facts.js';
import type { OrderRecord } from './records.js';
import {
  assignTiers,
  tierMovement,
  tierSummary,
  topByShare,
  topCount,
  topShareThreshold,
  type Tier,
  type TierSettings,
} from './tiers.js';
import { addDays, inWindow } from './time.js';

const TZ = 'Asia/Shanghai';
const asOfArb = fc.constantFrom('2024-01-15', '2024-03-04', '2024-06-30');

/**
 * The §7 rule written the plain way, with maps and a full sort (the implementation before the
 * per-customer entry point): the reference the columnar tierCodes path is checked against.
 */
function plainTopByShare(values: ReadonlyMap<string, number>, share: number): Set<string> {
  const count = topCount(share, values.size);
  const top = new Set<string>();
  if (count === 0) return top;
  const threshold = [...values.values()].sort((a, b) => b - a)[count - 1]!;
  for (const [id, v] of values) if (v >= threshold && v > 0) top.add(id);
  return top;
}

function plainAssignTiers(input: {
  customerIds: readonly string[];
  orders: readonly OrderRecord[];
  asOf: string;
  predictedLtv: ReadonlyMap<string, number>;
  settings: TierSettings;
}): Map<string, Tier> {
  const s = input.settings;
  const lookback = { from: addDays(input.asOf, -s.lookbackDays), to: input.asOf };
  const recent = { from: addDays(input.asOf, -s.recentDays), to: input.asOf };
  const monetary = new Map<string, number>();
  const frequency = new Map<string, number>();
  const recentBuyers = new Set<string>();
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    if (inWindow(o.localDate, lookback)) {
      monetary.set(o.customerId, (monetary.get(o.customerId) ?? 0) + o.amountFen);
      frequency.set(o.customerId, (frequency.get(o.customerId) ?? 0) + 1);
    }
    if (inWindow(o.localDate, recent)) recentBuyers.add(o.customerId);
  }
  const topMonetary = plainTopByShare(monetary, s.topMonetaryShare);
  const predicted = new Map<string, number>();
  for (const [id, v] of input.predictedLtv) if (Number.isFinite(v)) predicted.set(id, v);
  const topPredicted = plainTopByShare(predicted, s.topPredictedShare);
  const ids = new Set(input.customerIds);
  for (const o of input.orders) ids.add(o.customerId);
  const tiers = new Map<string, Tier>();
  for (const id of [...ids].sort()) {
    if (topMonetary.has(id) && (frequency.get(id) ?? 0) >= s.minOrdersHighValue) {
      tiers.set(id, 'high_value');
    } else if (recentBuyers.has(id) || topPredicted.has(id)) {
      tiers.set(id, 'potential');
    } else {
      tiers.set(id, 'ordinary');
    }
  }
  return tiers;
}

const settingsArb: fc.Arbitrary<TierSettings> = fc.record({
  topMonetaryShare: fc.constantFrom(0, 0.2, 0.35, 1),
  minOrdersHighValue: fc.integer({ min: 1, max: 3 }),
  recentDays: fc.integer({ min: 1, max: 120 }),
  topPredictedShare: fc.constantFrom(0, 0.4, 0.5, 1),
  lookbackDays: fc.integer({ min: 1, max: 365 }),
});

/** Predictions for some tiered ids and some others, with ties, zeros and non-finite values. */
const predictedArb = fc.array(
  fc.tuple(
    fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'x1', 'x2'),
    fc.oneof(
      fc.constantFrom(0, 1, 2, 2, 5, Number.NaN, Number.POSITIVE_INFINITY),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
  ),
  { maxLength: 10 },
);

describe('tier properties', () => {
  it('when data, predictions and settings are random, then assignTiers (per-customer facts, selection) equals the plain map-and-sort rule', () => {
    fc.assert(
      fc.property(
        dataSet(TZ),
        asOfArb,
        predictedArb,
        settingsArb,
        ({ customers, orders }, asOf, pairs, settings) => {
          const predictedLtv = new Map(pairs);
          const want = plainAssignTiers({
            customerIds: customers.map((c) => c.id),
            orders,
            asOf,
            predictedLtv,
            settings,
          });
          const got = assignTiers({ customers, orders, asOf, predictedLtv, settings });
          expect([...got]).toEqual([...want]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when a top-share threshold is selected, then it is the ⌈share × n⌉-th value of the sorted list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -3, max: 6 }),
            fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
          ),
          {
            maxLength: 60,
          },
        ),
        fc.constantFrom(0, 0.1, 0.2, 0.4, 0.5, 1),
        (values, share) => {
          const count = topCount(share, values.length);
          const sorted = [...values].sort((a, b) => b - a);
          const before = [...values];
          expect(topShareThreshold(values, share)).toBe(count === 0 ? null : sorted[count - 1]);
          expect(values).toEqual(before);
        },
      ),
    );
  });

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
