import { describe, expect, it } from 'vitest';
import { historicalLtv } from './ltv-historical.js';
import { customer, order, SHANGHAI } from './oracle-fixtures.js';

const values = (cells: { value: number | null }[]) => cells.map((e) => e.value);

describe('historicalLtv', () => {
  const customers = [customer('p', { joined: '2023-12-01 10:00' }), customer('u'), customer('v')];
  const orders = [
    order('p1', 'p', '2024-01-05 10:00', { amount: 100, grossProfit: 40 }),
    order('p2', 'p', '2024-02-05 10:00', { amount: 200 }),
    order('p3', 'p', '2024-03-05 10:00', { amount: 300 }),
    order('px', 'p', '2024-03-06 10:00', { amount: 9_999, status: 'cancelled' }),
    order('u1', 'u', '2024-01-07 10:00', { amount: 100 }),
    order('u2', 'u', '2024-03-07 10:00', { amount: 50, returned: true }),
    order('v1', 'v', '2024-01-09 10:00', { amount: 100 }),
  ];

  it('when private members keep buying, then their cumulative GMV per customer outgrows the public one', () => {
    const ltv = historicalLtv({
      customers,
      orders,
      basis: 'first_order',
      measure: 'gmv',
      timeZone: SHANGHAI,
    });
    expect(ltv.asOf).toBe('2024-03');
    expect(ltv.groupAt?.toISOString()).toBe('2024-03-31T16:00:00.000Z');
    const jan = ltv.cohorts[0]!;
    expect(jan.cohort).toBe('2024-01');
    expect(jan.size).toEqual({ public: 2, private: 1, all: 3 });
    expect(values(jan.cells.private)).toEqual([100, 300, 600]);
    expect(values(jan.cells.public)).toEqual([100, 100, 125]);
    expect(jan.cells.all[2]).toEqual({ value: 850 / 3, numerator: 850, denominator: 3 });
  });

  it('when the measure is gross profit, then given figures are used and the rest is amount × margin', () => {
    const ltv = historicalLtv({
      customers,
      orders,
      basis: 'first_order',
      measure: 'gross_profit',
      timeZone: SHANGHAI,
      defaultMargin: 0.5,
    });
    expect(values(ltv.cohorts[0]!.cells.private)).toEqual([40, 140, 290]);
  });

  it('when a customer joins or leaves before the as-of instant, then that group holds for the whole curve', () => {
    const moving = [
      customer('joins-late', { joined: '2024-03-31 23:59:59' }),
      customer('leaves', { joined: '2023-06-01 00:00', left: '2024-02-10 00:00' }),
      customer('joins-after', { joined: '2024-04-01 00:00:01' }),
    ];
    const bought = [
      order('a', 'joins-late', '2024-01-05 10:00', { amount: 10 }),
      order('b', 'leaves', '2024-01-05 10:00', { amount: 20 }),
      order('c', 'joins-after', '2024-01-05 10:00', { amount: 40 }),
      order('d', 'joins-after', '2024-03-05 10:00', { amount: 40 }),
    ];
    const ltv = historicalLtv({
      customers: moving,
      orders: bought,
      basis: 'first_order',
      measure: 'gmv',
      timeZone: SHANGHAI,
    });
    const jan = ltv.cohorts[0]!;
    expect(jan.size).toEqual({ public: 2, private: 1, all: 3 });
    expect(values(jan.cells.private)).toEqual([10, 10, 10]);
    expect(values(jan.cells.public)).toEqual([30, 30, 50]);
    // As of February the late joiner was still public.
    const feb = historicalLtv({
      customers: moving,
      orders: bought,
      basis: 'first_order',
      measure: 'gmv',
      timeZone: SHANGHAI,
      asOf: '2024-02',
    });
    expect(feb.cohorts[0]!.size).toEqual({ public: 3, private: 0, all: 3 });
    expect(feb.cohorts[0]!.cells.private[0]).toMatchObject({
      value: null,
      reason: 'no private customers in this cohort',
    });
  });

  it('when the basis is private_join, then orders before the join month are left out and maxK narrows the curve', () => {
    const members = [customer('m', { joined: '2024-02-15 10:00' })];
    const bought = [
      order('m0', 'm', '2024-01-05 10:00', { amount: 1_000 }),
      order('m1', 'm', '2024-02-05 10:00', { amount: 10 }),
      order('m2', 'm', '2024-04-05 10:00', { amount: 20 }),
    ];
    const ltv = historicalLtv({
      customers: members,
      orders: bought,
      basis: 'private_join',
      measure: 'gmv',
      timeZone: SHANGHAI,
      maxK: 1,
    });
    expect(ltv.cohorts.map((c) => [c.cohort, values(c.cells.private)])).toEqual([
      ['2024-02', [10, 10]],
    ]);
  });
});
