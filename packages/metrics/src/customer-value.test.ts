import { describe, expect, it } from 'vitest';
import { SECTION1_IDS } from './catalog.js';
import { customerValueMetrics } from './customer-value.js';
import { customer, order, SHANGHAI } from './oracle-fixtures.js';
import type { CustomerRecord, OrderRecord } from './records.js';

const YEAR_2023 = { from: '2023-01-01', to: '2024-01-01' };
const MARCH = { from: '2024-03-01', to: '2024-04-01' };
const settings = { defaultMargin: 0.3 };

function run(
  customers: CustomerRecord[],
  orders: OrderRecord[],
  window = MARCH,
  timeZone = SHANGHAI,
) {
  return customerValueMetrics({ customers, orders, window, timeZone, settings });
}

describe('customerValueMetrics', () => {
  it('when private members buy 21 times per 10 customers a year and public 12, then frequency is 2.1 vs 1.2', () => {
    const customers: CustomerRecord[] = [];
    const orders: OrderRecord[] = [];
    for (let i = 0; i < 10; i++) {
      customers.push(customer(`p${i}`, { joined: '2022-12-01 10:00' }));
      customers.push(customer(`u${i}`));
      const privateOrders = i === 9 ? 3 : 2;
      for (let k = 0; k < privateOrders; k++) {
        orders.push(order(`po${i}-${k}`, `p${i}`, `2023-0${k + 2}-1${i % 10} 12:00`));
      }
      const publicOrders = i < 2 ? 2 : 1;
      for (let k = 0; k < publicOrders; k++) {
        orders.push(order(`uo${i}-${k}`, `u${i}`, `2023-0${k + 5}-2${i % 10} 12:00`));
      }
    }
    const m = run(customers, orders, YEAR_2023);
    expect(m.purchase_frequency.private.value).toBeCloseTo(2.1, 12);
    expect(m.purchase_frequency.public.value).toBeCloseTo(1.2, 12);
    expect(m.purchase_frequency.all).toEqual({ value: 33 / 20, numerator: 33, denominator: 20 });
    expect(m.buyers.private.value).toBe(10);
    expect(m.orders.public.value).toBe(12);
    expect(m.repeat_purchase_rate.private.value).toBe(1);
    expect(m.repeat_purchase_rate.public.value).toBe(0.2);
    expect(m.gmv.private.value).toBe(21 * 10_000);
    expect(m.aov.all.value).toBe(10_000);
    expect(m.arpu.private.value).toBeCloseTo(21_000, 9);
  });

  it('when private members return 3 of 50 orders and public buyers 5 of 50, then the private return rate is 40% lower', () => {
    const customers = [customer('p', { joined: '2024-01-01 00:00' }), customer('u')];
    const orders: OrderRecord[] = [];
    for (let i = 0; i < 50; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      orders.push(order(`p${i}`, 'p', `2024-03-${day} 10:00`, { returned: i < 3 }));
      orders.push(order(`u${i}`, 'u', `2024-03-${day} 11:00`, { returned: i < 5 }));
    }
    const m = run(customers, orders);
    expect(m.return_rate.public.value).toBe(0.1);
    expect(m.return_rate.private.value).toBe(0.06);
    expect(m.return_rate.private.value! / m.return_rate.public.value!).toBeCloseTo(0.6, 12);
    expect(m.return_rate.all).toEqual({ value: 0.08, numerator: 8, denominator: 100 });
    // Returned orders still count as orders and GMV.
    expect(m.orders.all.value).toBe(100);
  });

  it('when 70% of private GMV comes from orders that are not the first-ever one, then repeat_revenue_share is 0.7', () => {
    const customers = [
      customer('a', { joined: '2024-02-01 00:00' }),
      customer('b', { joined: '2024-02-01 00:00' }),
      customer('c'),
    ];
    const orders = [
      // a: first-ever order in window (30 000) then a repeat (40 000).
      order('a1', 'a', '2024-03-02 10:00', { amount: 30_000, domain: 'private' }),
      order('a2', 'a', '2024-03-20 10:00', { amount: 40_000, domain: 'private' }),
      // b: first-ever order before the window, so the March order is a repeat.
      order('b0', 'b', '2023-11-11 10:00', { amount: 99_999 }),
      order('b1', 'b', '2024-03-05 10:00', { amount: 30_000, domain: 'private' }),
      // c: a cancelled order earlier is not the first-ever order.
      order('c0', 'c', '2024-01-05 10:00', { amount: 50_000, status: 'cancelled' }),
      order('c1', 'c', '2024-03-05 10:00', { amount: 20_000 }),
    ];
    const m = run(customers, orders);
    expect(m.repeat_revenue_share.private).toEqual({
      value: 0.7,
      numerator: 70_000,
      denominator: 100_000,
    });
    expect(m.repeat_revenue_share.public.value).toBe(0);
    expect(m.repeat_revenue_share.all.value).toBe(70_000 / 120_000);
  });

  it('when two first orders share an instant, then the smaller order id is the first-ever one', () => {
    const orders = [
      order('x-b', 'x', '2024-03-05 10:00', { amount: 100 }),
      order('x-a', 'x', '2024-03-05 10:00', { amount: 300 }),
    ];
    const m = run([customer('x')], orders);
    expect(m.repeat_revenue_share.all.numerator).toBe(100);
  });

  it('when an order is at the window edges, then 00:00 on from and 23:59:59 on the last day count and 00:00 on to does not', () => {
    const orders = [
      order('before', 'x', '2024-02-29 23:59:59', { amount: 1 }),
      order('first', 'x', '2024-03-01 00:00', { amount: 10 }),
      order('last', 'x', '2024-03-31 23:59:59', { amount: 100 }),
      order('after', 'x', '2024-04-01 00:00', { amount: 1000 }),
    ];
    const m = run([customer('x')], orders);
    expect(m.gmv.all.value).toBe(110);
    expect(m.orders.all.value).toBe(2);
  });

  it('when a customer joins private one second after the window end, then they count as public; at the end exactly, private', () => {
    const late = customer('late', { joined: '2024-04-01 00:00:01' });
    const onTime = customer('on-time', { joined: '2024-04-01 00:00:00' });
    const orders = [
      order('l1', 'late', '2024-03-10 10:00', { amount: 500 }),
      order('o1', 'on-time', '2024-03-10 10:00', { amount: 700 }),
    ];
    const m = run([late, onTime], orders);
    expect(m.gmv.public.value).toBe(500);
    expect(m.gmv.private.value).toBe(700);
  });

  it('when a member left exactly at the window end, then they are public; one second later, private', () => {
    const leftAtEnd = customer('gone', { joined: '2024-01-01 00:00', left: '2024-04-01 00:00' });
    const leftAfter = customer('stay', { joined: '2024-01-01 00:00', left: '2024-04-01 00:00:01' });
    const orders = [
      order('g1', 'gone', '2024-03-10 10:00', { amount: 500 }),
      order('s1', 'stay', '2024-03-10 10:00', { amount: 700 }),
    ];
    const m = run([leftAtEnd, leftAfter], orders);
    expect(m.gmv.public.value).toBe(500);
    expect(m.gmv.private.value).toBe(700);
  });

  it('when the workspace zone is UTC instead of Shanghai, then both the local date and the window end move', () => {
    const instant = new Date('2024-03-31T16:30:00Z'); // 00:30 on 1 April in Shanghai
    const joined = new Date('2024-03-31T17:00:00Z'); // after the Shanghai window end, before UTC's
    const c = customer('x', { joined });
    const shanghai = run([c], [order('o', 'x', instant, { amount: 100 })], MARCH, SHANGHAI);
    expect(shanghai.gmv.all.value).toBe(0);
    const utc = run(
      [c],
      [order('o', 'x', instant, { amount: 100, timeZone: 'UTC' })],
      MARCH,
      'UTC',
    );
    expect(utc.gmv.private.value).toBe(100);
    const earlier = order('e', 'x', '2024-03-20 10:00', { amount: 7 });
    expect(run([c], [earlier], MARCH, SHANGHAI).gmv.public.value).toBe(7);
  });

  it('when an order is cancelled, then it counts nowhere: not as order, buyer, GMV or return', () => {
    const orders = [
      order('c', 'x', '2024-03-10 10:00', { amount: 900, status: 'cancelled', returned: true }),
      order('k', 'y', '2024-03-10 10:00', { amount: 100 }),
    ];
    const m = run([customer('x'), customer('y')], orders);
    expect(m.buyers.all.value).toBe(1);
    expect(m.orders.all.value).toBe(1);
    expect(m.gmv.all.value).toBe(100);
    expect(m.return_rate.all.value).toBe(0);
  });

  it('when there are no orders in the window, then ratios are null with a reason and counts are zero', () => {
    const m = run([customer('x')], [order('o', 'x', '2023-01-01 10:00')]);
    for (const id of SECTION1_IDS) {
      for (const s of ['public', 'private', 'all'] as const) {
        const e = m[id][s];
        if (e.value === null) expect(e.reason).toBeTruthy();
        else expect(e.value).toBe(0);
      }
    }
    expect(m.aov.all.value).toBeNull();
    expect(m.purchase_frequency.private.reason).toBe('no buyers in window');
  });

  it('when members and non-members buy in private channels, then commission saved is credited to each buyer group', () => {
    const customers = [customer('m', { joined: '2024-01-01 00:00' }), customer('n')];
    const orders = [
      order('m1', 'm', '2024-03-10 10:00', { amount: 100_000, domain: 'private' }),
      order('m2', 'm', '2024-03-11 10:00', { amount: 50_000, domain: 'public' }),
      order('n1', 'n', '2024-03-10 10:00', { amount: 20_000, domain: 'private' }),
    ];
    const m = run(customers, orders);
    expect(m.commission_saved.private.value).toBe(5_000);
    expect(m.commission_saved.public.value).toBe(1_000);
    expect(m.commission_saved.all.value).toBe(6_000);
    const custom = customerValueMetrics({
      customers,
      orders,
      window: MARCH,
      timeZone: SHANGHAI,
      settings: { defaultMargin: 0.3, commissionRate: 0.03 },
    });
    expect(custom.commission_saved.all.value).toBe(3_600);
  });

  it('when an order has no gross profit, then amount × default margin is rounded to the fen per order', () => {
    const orders = [
      order('g', 'x', '2024-03-10 10:00', { amount: 10_000, grossProfit: 3_000 }),
      order('h', 'x', '2024-03-11 10:00', { amount: 10_005 }), // 3001.5 → 3002
      order('i', 'x', '2024-03-12 10:00', { amount: 10_005 }), // 3002 again, not 6003 / 2 rounding
    ];
    const m = run([customer('x')], orders);
    expect(m.gross_profit.all.value).toBe(3_000 + 3_002 + 3_002);
  });

  it('when amount × margin is exactly half a fen but the float product falls short, then it still rounds up', () => {
    expect(100 * 0.285).toBeLessThan(28.5); // the float trap
    const orders = [order('h', 'x', '2024-03-11 10:00', { amount: 100 })];
    const m = customerValueMetrics({
      customers: [customer('x')],
      orders,
      window: MARCH,
      timeZone: SHANGHAI,
      settings: { defaultMargin: 0.285, commissionRate: 0.285 },
    });
    expect(m.gross_profit.all.value).toBe(29);
    expect(m.commission_saved.all.value).toBe(0); // a public-channel order saves nothing
  });
});
