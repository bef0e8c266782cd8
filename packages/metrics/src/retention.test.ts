import { describe, expect, it } from 'vitest';
import { customer, order, SHANGHAI } from './oracle-fixtures.js';
import { retentionTriangle } from './retention.js';
import type { CustomerRecord, OrderRecord } from './records.js';

function values(t: ReturnType<typeof retentionTriangle>) {
  return Object.fromEntries(t.cohorts.map((c) => [c.cohort, c.cells.map((e) => e.value)]));
}

describe('retentionTriangle (first_order basis)', () => {
  const customers = ['a', 'b', 'c', 'd', 'e'].map((id) => customer(id));
  const orders: OrderRecord[] = [
    order('a1', 'a', '2024-01-03 10:00'),
    order('a2', 'a', '2024-02-03 10:00'),
    order('a3', 'a', '2024-03-03 10:00'),
    order('b1', 'b', '2024-01-05 10:00'),
    order('b2', 'b', '2024-02-05 10:00'),
    order('b3', 'b', '2024-02-06 10:00'), // two orders in one month count once
    order('c1', 'c', '2024-01-09 10:00'),
    order('d1', 'd', '2024-01-20 10:00'),
    order('e1', 'e', '2024-02-11 10:00'),
    order('e2', 'e', '2024-03-11 10:00', { status: 'cancelled' }),
  ];

  it('when customers reorder in later months, then each cell is the share of the cohort active that month', () => {
    const t = retentionTriangle({ customers, orders, basis: 'first_order', timeZone: SHANGHAI });
    expect(t.asOf).toBe('2024-03');
    expect(values(t)).toEqual({
      '2024-01': [1, 0.5, 0.25],
      '2024-02': [1, 0],
    });
    expect(t.cohorts[0]!.size).toBe(4);
    expect(t.cohorts[0]!.cells[1]).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('when asOf and maxK are given, then later months are cut off and the triangle is narrower', () => {
    const t = retentionTriangle({
      customers,
      orders,
      basis: 'first_order',
      timeZone: SHANGHAI,
      asOf: '2024-02',
    });
    expect(values(t)).toEqual({ '2024-01': [1, 0.5], '2024-02': [1] });
    const narrow = retentionTriangle({
      customers,
      orders,
      basis: 'first_order',
      timeZone: SHANGHAI,
      maxK: 1,
    });
    expect(values(narrow)).toEqual({ '2024-01': [1, 0.5], '2024-02': [1, 0] });
  });

  it('when the first order is cancelled, then the cohort is the month of the first counted order', () => {
    const t = retentionTriangle({
      customers: [customer('x')],
      orders: [
        order('x0', 'x', '2024-01-10 10:00', { status: 'cancelled' }),
        order('x1', 'x', '2024-03-10 10:00'),
      ],
      basis: 'first_order',
      timeZone: SHANGHAI,
    });
    expect(values(t)).toEqual({ '2024-03': [1] });
  });

  it('when an order is late on 31 January UTC, then it opens a February cohort in Shanghai and a January one in UTC', () => {
    const instant = new Date('2024-01-31T16:30:00Z');
    const shanghai = retentionTriangle({
      customers: [customer('x')],
      orders: [order('x1', 'x', instant)],
      basis: 'first_order',
      timeZone: SHANGHAI,
    });
    expect(shanghai.cohorts.map((c) => c.cohort)).toEqual(['2024-02']);
    const utc = retentionTriangle({
      customers: [customer('x')],
      orders: [order('x1', 'x', instant, { timeZone: 'UTC' })],
      basis: 'first_order',
      timeZone: 'UTC',
    });
    expect(utc.cohorts.map((c) => c.cohort)).toEqual(['2024-01']);
  });

  it('when there are no counted orders, then the triangle is empty with no asOf', () => {
    const t = retentionTriangle({
      customers: [customer('x')],
      orders: [order('x0', 'x', '2024-01-10 10:00', { status: 'cancelled' })],
      basis: 'first_order',
      timeZone: SHANGHAI,
    });
    expect(t).toEqual({ basis: 'first_order', asOf: null, cohorts: [] });
  });
});

describe('retentionTriangle split by customer group', () => {
  it('when members and non-members share a cohort, then each group is split by its group at the as-of instant', () => {
    const customers = [
      customer('m', { joined: '2024-03-31 23:59:59' }), // a member by the end of March
      customer('gone', { joined: '2023-06-01 00:00', left: '2024-02-10 00:00' }),
      customer('u'),
    ];
    const orders = [
      order('m1', 'm', '2024-01-05 10:00'),
      order('m2', 'm', '2024-03-05 10:00'),
      order('g1', 'gone', '2024-01-05 10:00'),
      order('g2', 'gone', '2024-02-05 10:00'),
      order('u1', 'u', '2024-01-05 10:00'),
    ];
    const t = retentionTriangle({ customers, orders, basis: 'first_order', timeZone: SHANGHAI });
    const jan = t.cohorts[0]!;
    expect(jan.groups.private.size).toBe(1);
    expect(jan.groups.private.cells.map((e) => e.value)).toEqual([1, 0, 1]);
    expect(jan.groups.public.size).toBe(2);
    expect(jan.groups.public.cells.map((e) => e.value)).toEqual([1, 0.5, 0]);
    const feb = retentionTriangle({
      customers,
      orders,
      basis: 'first_order',
      timeZone: SHANGHAI,
      asOf: '2024-02',
    });
    expect(feb.cohorts[0]!.groups.private).toEqual({
      size: 0,
      cells: [0, 1].map(() => ({
        value: null,
        numerator: 0,
        denominator: 0,
        reason: 'no private customers in this cohort',
      })),
    });
  });
});

describe('retentionTriangle (private_join basis)', () => {
  it('when members join in a month, then k = 0 is the share who ordered that calendar month, leavers included', () => {
    const customers: CustomerRecord[] = [
      customer('m1', { joined: '2024-02-10 09:00' }),
      customer('m2', { joined: '2024-02-20 09:00', left: '2024-03-02 09:00' }),
      customer('m3', { joined: '2024-02-28 09:00' }),
      customer('m4', { joined: '2024-02-29 23:59' }),
      customer('public-only'),
    ];
    const orders = [
      order('o1', 'm1', '2024-02-01 10:00'), // before joining, same month: counts at k = 0
      order('o2', 'm2', '2024-03-15 10:00'), // after leaving: still activity of the cohort
      order('o3', 'm3', '2024-01-15 10:00'), // before the cohort month: ignored
      order('o4', 'public-only', '2024-03-15 10:00'),
    ];
    const t = retentionTriangle({ customers, orders, basis: 'private_join', timeZone: SHANGHAI });
    expect(t.asOf).toBe('2024-03');
    expect(values(t)).toEqual({ '2024-02': [0.25, 0.25] });
    expect(t.cohorts[0]!.size).toBe(4);
  });

  it('when a member joins at 23:30 UTC on 29 February, then the cohort is March in Shanghai and February in UTC', () => {
    const joined = new Date('2024-02-29T23:30:00Z');
    const c = [customer('m', { joined })];
    const inShanghai = retentionTriangle({
      customers: c,
      orders: [],
      basis: 'private_join',
      timeZone: SHANGHAI,
    });
    const inUtc = retentionTriangle({
      customers: c,
      orders: [],
      basis: 'private_join',
      timeZone: 'UTC',
    });
    expect(inShanghai.cohorts.map((x) => [x.cohort, x.cells[0]!.value])).toEqual([['2024-03', 0]]);
    expect(inUtc.cohorts.map((x) => [x.cohort, x.cells[0]!.value])).toEqual([['2024-02', 0]]);
  });
});
