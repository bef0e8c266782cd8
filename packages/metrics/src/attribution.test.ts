import { describe, expect, it } from 'vitest';
import {
  creditedGmv,
  creditedGmvByPeriod,
  creditedGmvSplit,
  creditOrder,
  orderCredits,
} from './attribution.js';
import { at, customer, order } from './oracle-fixtures.js';

describe('order credit (METRICS §4 default rule)', () => {
  const customers = [
    customer('pub-first', { joined: '2024-02-01 00:00' }),
    customer('priv-first', { joined: '2024-01-01 00:00', left: '2024-03-01 00:00' }),
    customer('never'),
  ];
  const orders = [
    order('a1', 'pub-first', '2024-01-10 10:00', { amount: 10_000, domain: 'public' }),
    order('a2', 'pub-first', '2024-01-20 10:00', { amount: 3_000, domain: 'private' }), // not yet a member
    order('a3', 'pub-first', '2024-02-10 10:00', { amount: 7_000, domain: 'public' }), // member
    order('b1', 'priv-first', '2024-01-05 10:00', { amount: 10_001, domain: 'private' }),
    order('b2', 'priv-first', '2024-02-05 10:00', { amount: 2_000, domain: 'public' }), // member
    order('b3', 'priv-first', '2024-03-05 10:00', { amount: 4_000, domain: 'private' }), // left
    order('c0', 'never', '2024-01-01 10:00', { amount: 50_000, status: 'cancelled' }),
    order('c1', 'never', '2024-01-02 10:00', { amount: 6_000, domain: 'private' }),
    order('c2', 'never', '2024-01-03 10:00', { amount: 1_000, domain: 'private' }),
  ];

  it('when orders follow the rule cases, then each gets the credit and rule METRICS §4 names', () => {
    const credits = orderCredits({ customers, orders });
    const view = Object.fromEntries(
      [...credits].map(([id, c]) => [id, [c.publicFen, c.privateFen, c.rule]]),
    );
    expect(view).toEqual({
      a1: [10_000, 0, 'first_public'],
      a2: [3_000, 0, 'later_non_member'],
      a3: [0, 7_000, 'later_member'],
      b1: [5_000, 5_001, 'first_private_split'], // odd fen: the half goes to private (round half up)
      b2: [0, 2_000, 'later_member'],
      b3: [4_000, 0, 'later_non_member'],
      c1: [3_000, 3_000, 'first_private_split'], // the cancelled c0 is not the first-ever order
      c2: [1_000, 0, 'later_non_member'],
    });
  });

  it('when split by month, channel and first order vs repurchase, then each order lands in its row', () => {
    const row = (
      period: string,
      channel: string,
      domain: 'public' | 'private',
      order: 'first' | 'repeat',
      pub: number,
      priv: number,
    ) => ({ period, channel, domain, order, public: pub, private: priv, total: pub + priv });
    expect(creditedGmvSplit({ customers, orders, period: 'month' })).toEqual([
      row('2024-01', 'tmall', 'public', 'first', 10_000, 0),
      row('2024-01', 'wecom', 'private', 'first', 8_000, 8_001),
      row('2024-01', 'wecom', 'private', 'repeat', 4_000, 0),
      row('2024-02', 'tmall', 'public', 'repeat', 0, 9_000),
      row('2024-03', 'wecom', 'private', 'repeat', 4_000, 0),
    ]);
    const share = creditedGmvSplit({ customers, orders, period: 'month', privateShare: 0.2 });
    expect(share[1]).toEqual(row('2024-01', 'wecom', 'private', 'first', 12_801, 3_200));
  });

  it('when credited GMV is summed, then public + private is the GMV exactly', () => {
    const gmv = orders.filter((o) => o.status !== 'cancelled').reduce((s, o) => s + o.amountFen, 0);
    expect(creditedGmv({ customers, orders })).toEqual({
      public: 10_000 + 3_000 + 5_000 + 4_000 + 3_000 + 1_000,
      private: 7_000 + 5_001 + 2_000 + 3_000,
      total: gmv,
    });
  });

  it('when the private share is 0.3, then a private first order gives round(amount × 0.3) to private', () => {
    const first = order('x', 'x', '2024-01-01 10:00', { amount: 333, domain: 'private' });
    expect(creditOrder(first, undefined, true, 0.3)).toEqual({
      publicFen: 233,
      privateFen: 100,
      rule: 'first_private_split',
    });
    expect(() => creditOrder(first, undefined, true, 1.5)).toThrow(RangeError);
  });

  it('when membership starts exactly at the order instant, then it is a member order; when it ends then, not', () => {
    const instant = at('2024-05-01 12:00');
    const joinsNow = customer('j', { joined: instant });
    const leavesNow = customer('l', { joined: '2024-01-01 00:00', left: instant });
    const later = order('o', 'j', instant, { amount: 100 });
    expect(creditOrder(later, joinsNow, false).rule).toBe('later_member');
    expect(creditOrder({ ...later, customerId: 'l' }, leavesNow, false).rule).toBe(
      'later_non_member',
    );
  });

  it('when a window is given, then only its orders are credited but first-ever orders come from all history', () => {
    const credited = creditedGmv({
      customers,
      orders,
      window: { from: '2024-02-01', to: '2024-03-01' },
    });
    expect(credited).toEqual({ public: 0, private: 9_000, total: 9_000 });
  });
});

describe('creditedGmvByPeriod', () => {
  const customers = [customer('m', { joined: '2024-01-01 00:00' })];
  const orders = [
    order('m1', 'm', '2024-01-10 10:00', { amount: 1_000, domain: 'private' }),
    order('m2', 'm', '2024-03-31 23:59', { amount: 500 }),
    order('m3', 'm', '2024-04-01 00:00', { amount: 700 }),
  ];

  it('when grouped by month without a window, then months run contiguously with empty ones as zero', () => {
    expect(creditedGmvByPeriod({ customers, orders, period: 'month' })).toEqual([
      { period: '2024-01', public: 500, private: 500, total: 1_000 },
      { period: '2024-02', public: 0, private: 0, total: 0 },
      { period: '2024-03', public: 0, private: 500, total: 500 },
      { period: '2024-04', public: 0, private: 700, total: 700 },
    ]);
  });

  it('when grouped by week within a window, then weeks start on Monday and cover the window', () => {
    const rows = creditedGmvByPeriod({
      customers,
      orders,
      period: 'week',
      window: { from: '2024-03-27', to: '2024-04-02' },
    });
    // 2024-03-31 is a Sunday; 2024-04-01 a Monday.
    expect(rows).toEqual([
      { period: '2024-03-25', public: 0, private: 500, total: 500 },
      { period: '2024-04-01', public: 0, private: 700, total: 700 },
    ]);
  });
});
