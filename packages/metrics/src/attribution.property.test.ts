import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditedGmv, creditedGmvByPeriod, orderCredits } from './attribution.js';
import { dataSet, seedArb, shuffled, windowArb } from './oracle-arbitraries.js';
import { inWindow } from './time.js';

const TZ = 'Asia/Shanghai';
const shareArb = fc.oneof(
  fc.constantFrom(0, 0.5, 1, 0.3, 0.285),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

describe('attribution properties', () => {
  it('when any share is used, then credited public + private is the window GMV exactly and each credit lies within the order', () => {
    fc.assert(
      fc.property(dataSet(TZ), windowArb, shareArb, (data, window, privateShare) => {
        const gmv = data.orders
          .filter((o) => o.status !== 'cancelled' && inWindow(o.localDate, window))
          .reduce((sum, o) => sum + o.amountFen, 0);
        const credited = creditedGmv({ ...data, window, privateShare });
        expect(credited.public + credited.private).toBe(gmv);
        expect(credited.total).toBe(gmv);
        const amounts = new Map(data.orders.map((o) => [o.id, o.amountFen]));
        for (const [id, c] of orderCredits({ ...data, window, privateShare })) {
          expect(Number.isInteger(c.privateFen)).toBe(true);
          expect(c.privateFen).toBeGreaterThanOrEqual(0);
          expect(c.publicFen).toBeGreaterThanOrEqual(0);
          expect(c.publicFen + c.privateFen).toBe(amounts.get(id));
        }
      }),
    );
  });

  it('when credited GMV is broken down by month or week, then the periods sum to the window total', () => {
    fc.assert(
      fc.property(
        dataSet(TZ),
        windowArb,
        fc.constantFrom('month' as const, 'week' as const),
        (data, window, period) => {
          const rows = creditedGmvByPeriod({ ...data, window, period });
          const total = creditedGmv({ ...data, window });
          expect(rows.reduce((s, r) => s + r.public, 0)).toBe(total.public);
          expect(rows.reduce((s, r) => s + r.private, 0)).toBe(total.private);
        },
      ),
    );
  });

  it('when customers and orders are shuffled, then every credit is the same', () => {
    fc.assert(
      fc.property(dataSet(TZ), seedArb, shareArb, ({ customers, orders }, seed, privateShare) => {
        const a = orderCredits({ customers, orders, privateShare });
        const b = orderCredits({
          customers: shuffled(customers, seed),
          orders: shuffled(orders, seed + 1),
          privateShare,
        });
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
      }),
    );
  });
});
