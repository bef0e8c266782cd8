import { describe, expect, it } from 'vitest';
import { customer, order } from './oracle-fixtures.js';
import type { OrderRecord } from './records.js';
import {
  assignTiers,
  NOT_TIERED,
  TIER_CODES,
  tierCodes,
  tierMovement,
  tierMovementOfCodes,
  tierSummary,
  tierSummaryFromTotals,
  topByShare,
  topCount,
  topShareThreshold,
  type Tier,
} from './tiers.js';

const AS_OF = '2024-07-01';

describe('assignTiers', () => {
  it('when ten customers spend 100…1000 over the year, then the top two by spend with ≥ 2 orders are high value', () => {
    const orders: OrderRecord[] = [];
    const customers = [];
    for (let i = 1; i <= 10; i++) {
      customers.push(customer(`c${i}`));
      // One order each, long ago in the lookback, worth i × 100 in total.
      orders.push(order(`c${i}-a`, `c${i}`, '2023-09-01 10:00', { amount: i * 100 - 1 }));
    }
    orders.push(order('c10-b', 'c10', '2023-10-01 10:00', { amount: 1 })); // 2 orders, 1000
    orders.push(order('c1-b', 'c1', '2023-10-01 10:00', { amount: 1 })); // 2 orders but 100
    orders.push(order('c5-recent', 'c5', '2024-06-30 23:00', { amount: 1 })); // recent → potential
    const tiers = assignTiers({ customers, orders, asOf: AS_OF });
    expect(tiers.get('c10')).toBe('high_value');
    expect(tiers.get('c9')).toBe('ordinary'); // top 20% but a single order
    expect(tiers.get('c1')).toBe('ordinary');
    expect(tiers.get('c5')).toBe('potential');
    expect([...tiers.values()].filter((t) => t === 'high_value')).toHaveLength(1);
  });

  it('when the lookback and recent windows are reached, then the as-of date itself is excluded and the first day included', () => {
    const customers = [
      customer('edge'),
      customer('out'),
      customer('today'),
      customer('recent-edge'),
    ];
    const orders = [
      order('e1', 'edge', '2023-07-02 00:00', { amount: 500 }), // AS_OF − 365 days
      order('e2', 'edge', '2023-07-03 00:00', { amount: 500 }),
      order('o1', 'out', '2023-07-01 23:59', { amount: 900 }), // AS_OF − 366 days
      order('o2', 'out', '2023-07-01 23:59', { amount: 900 }),
      order('t1', 'today', '2024-07-01 00:00', { amount: 9_000 }), // on AS_OF: not yet
      order('t2', 'today', '2024-07-01 00:01', { amount: 9_000 }),
      order('r1', 'recent-edge', '2024-04-02 00:00', { amount: 1 }), // AS_OF − 90 days
    ];
    const tiers = assignTiers({ customers, orders, asOf: AS_OF });
    expect(Object.fromEntries(tiers)).toEqual({
      edge: 'high_value',
      out: 'ordinary',
      today: 'ordinary',
      'recent-edge': 'potential',
    });
    const dayLater = assignTiers({ customers, orders, asOf: '2024-07-02' });
    expect(dayLater.get('edge')).toBe('ordinary'); // e1 left the lookback: 1 order, and not recent
    expect(dayLater.get('today')).toBe('high_value');
  });

  it('when spend ties at the threshold, then every tied customer is in the top', () => {
    const spend = new Map([
      ['a', 500],
      ['b', 500],
      ['c', 100],
      ['d', 100],
      ['e', 50],
    ]);
    expect([...topByShare(spend, 0.2)].sort()).toEqual(['a', 'b']);
    expect([...topByShare(new Map([['z', 0]]), 0.2)]).toEqual([]);
    expect(topCount(0.2, 15)).toBe(3); // 0.2 × 15 is 3.0000000000000004 in floats
    expect(topCount(0.2, 1)).toBe(1);
    expect(topCount(0, 10)).toBe(0);
  });

  it('when predicted LTV is given, then the top 40% of predictions are potential unless high value', () => {
    const customers = ['a', 'b', 'c', 'd', 'e'].map((id) => customer(id));
    const predictedLtv = new Map([
      ['a', 50],
      ['b', 40],
      ['c', 30],
      ['d', 20],
      ['e', Number.NaN],
    ]);
    const tiers = assignTiers({ customers, orders: [], asOf: AS_OF, predictedLtv });
    // 4 finite predictions → ⌈1.6⌉ = 2.
    expect(Object.fromEntries(tiers)).toEqual({
      a: 'potential',
      b: 'potential',
      c: 'ordinary',
      d: 'ordinary',
      e: 'ordinary',
    });
  });

  it('when orders are cancelled, then they count for neither spend nor recency', () => {
    const orders = [
      order('x1', 'x', '2024-06-01 10:00', { amount: 10_000, status: 'cancelled' }),
      order('x2', 'x', '2024-06-02 10:00', { amount: 10_000, status: 'cancelled' }),
    ];
    expect(assignTiers({ customers: [customer('x')], orders, asOf: AS_OF }).get('x')).toBe(
      'ordinary',
    );
  });
});

describe('tierCodes (per-customer facts)', () => {
  const { high_value: H, potential: P, ordinary: O } = TIER_CODES;

  it('when five buyers and one idle customer are given as facts, then the §7 rule gives their codes', () => {
    // Top 20% of the 5 lookback buyers = 1 → threshold 900; customer 4 ties nothing.
    const codes = tierCodes({
      monetary: [900, 900, 300, 100, 50, 0],
      frequency: [2, 1, 3, 1, 1, 0],
      recent: [0, 0, 0, 1, 0, 0],
      predicted: [Number.NaN, 10, 5, Number.NaN, 8, 20],
    });
    // 0: top + 2 orders → high; 1: top (tie) but 1 order, predicted 10 ≥ 2nd largest of 4 (10)
    // → potential; 2: not top, predicted 5 → ordinary; 3: recent → potential; 4: 8 → ordinary;
    // 5: no lookback order, predicted 20 (the largest) → potential.
    expect([...codes]).toEqual([H, P, O, P, O, P]);
  });

  it('when facts arrays differ in length, then it throws', () => {
    expect(() => tierCodes({ monetary: [1], frequency: [], recent: [0] })).toThrow(RangeError);
  });

  it('when nobody bought in the lookback, then no threshold and nobody is high value', () => {
    expect(topShareThreshold([], 0.2)).toBeNull();
    const codes = tierCodes({ monetary: [0, 0], frequency: [0, 0], recent: [1, 0] });
    expect([...codes]).toEqual([P, O]);
  });

  it('when the threshold is selected among ties, then it is the value at ⌈share × n⌉', () => {
    expect(topShareThreshold([5, 1, 5, 3, 5], 0.4)).toBe(5);
    expect(topShareThreshold([5, 1, 4, 3, 2], 0.4)).toBe(4);
    expect(topShareThreshold([7], 0)).toBeNull();
  });
});

describe('tierSummaryFromTotals and tierMovementOfCodes', () => {
  it('when totals per tier are given, then the rows equal tierSummary over the same customers', () => {
    const tiers = new Map<string, Tier>([
      ['h', 'high_value'],
      ['o', 'ordinary'],
    ]);
    const orders = [order('h1', 'h', '2024-07-02 10:00', { amount: 3_000 })];
    const window = { from: '2024-07-01', to: '2024-07-08' };
    expect(
      tierSummaryFromTotals({
        customers: { high_value: 1, potential: 0, ordinary: 1 },
        gmvFen: { high_value: 3_000, potential: 0, ordinary: 0 },
      }),
    ).toEqual(tierSummary({ tiers, orders, window }));
  });

  it('when codes move and more customers stay ordinary, then they are counted as unchanged ordinary', () => {
    const { high_value: H, potential: P, ordinary: O } = TIER_CODES;
    const m = tierMovementOfCodes([H, P, NOT_TIERED, O], [H, O, P, NOT_TIERED], 5);
    expect(m.matrix.high_value.high_value).toBe(1);
    expect(m.matrix.potential.ordinary).toBe(1);
    expect(m.matrix.new.potential).toBe(1);
    expect(m.matrix.ordinary.gone).toBe(1);
    expect(m.matrix.ordinary.ordinary).toBe(5);
    expect(m.unchanged).toBe(6);
    expect(m.moved).toBe(3);
  });
});

describe('tierSummary', () => {
  it('when tiers buy in a window, then sizes and GMV shares are reported per tier', () => {
    const tiers = new Map<string, Tier>([
      ['h', 'high_value'],
      ['p', 'potential'],
      ['o1', 'ordinary'],
      ['o2', 'ordinary'],
    ]);
    const orders = [
      order('h1', 'h', '2024-07-02 10:00', { amount: 6_000 }),
      order('p1', 'p', '2024-07-03 10:00', { amount: 3_000 }),
      order('o1', 'o1', '2024-07-03 10:00', { amount: 1_000 }),
      order('o2', 'o2', '2024-07-03 10:00', { amount: 5_000, status: 'cancelled' }),
      order('n1', 'not-tiered', '2024-07-03 10:00', { amount: 99_000 }),
      order('h0', 'h', '2024-07-08 00:00', { amount: 99_000 }), // after the window
    ];
    const rows = tierSummary({ tiers, orders, window: { from: '2024-07-01', to: '2024-07-08' } });
    expect(rows.map((r) => [r.tier, r.customers, r.gmv.value, r.gmvShare.value])).toEqual([
      ['high_value', 1, 6_000, 0.6],
      ['potential', 1, 3_000, 0.3],
      ['ordinary', 2, 1_000, 0.1],
    ]);
    expect(rows[2]!.customerShare.value).toBe(0.5);
  });

  it('when nobody bought in the window, then GMV shares are null with a reason', () => {
    const rows = tierSummary({
      tiers: new Map([['h', 'high_value']]),
      orders: [],
      window: { from: '2024-07-01', to: '2024-07-08' },
    });
    expect(rows[0]!.gmvShare).toMatchObject({ value: null, reason: 'no GMV in window' });
  });
});

describe('tierMovement', () => {
  it('when customers change tier between weeks, then the matrix counts each move once', () => {
    const before = new Map<string, Tier>([
      ['a', 'high_value'],
      ['b', 'potential'],
      ['c', 'ordinary'],
      ['gone', 'potential'],
    ]);
    const after = new Map<string, Tier>([
      ['a', 'high_value'],
      ['b', 'high_value'],
      ['c', 'potential'],
      ['new', 'ordinary'],
    ]);
    const m = tierMovement(before, after);
    expect(m.matrix.high_value.high_value).toBe(1);
    expect(m.matrix.potential.high_value).toBe(1);
    expect(m.matrix.ordinary.potential).toBe(1);
    expect(m.matrix.new.ordinary).toBe(1);
    expect(m.matrix.potential.gone).toBe(1);
    expect(m.moved).toBe(4);
    expect(m.unchanged).toBe(1);
  });
});
