/**
 * fast-check arbitraries for the oracle property tests (not exported from the package): a few
 * customers with random membership spells and random orders between 2023-11 and 2024-07, on a
 * coarse clock so that equal instants (ties) happen.
 */
import fc from 'fast-check';
import type { CustomerRecord, DateWindow, OrderRecord, OrderStatus } from './records.js';
import { addDays, localDateOf } from './time.js';

const T0 = Date.parse('2023-10-31T12:00:00Z');
const HOUR = 3_600_000;
const SPAN_HOURS = 24 * 250;

const instant = fc
  .oneof(
    { arbitrary: fc.integer({ min: 0, max: SPAN_HOURS }), weight: 3 },
    // A few shared instants, so that equal orderedAt (ties) are common.
    { arbitrary: fc.constantFrom(100, 101, 2_000), weight: 1 },
  )
  .map((h) => new Date(T0 + h * HOUR));

export interface DataSet {
  customers: CustomerRecord[];
  orders: OrderRecord[];
}

export function dataSet(timeZone: string, maxCustomers = 8, maxOrders = 40): fc.Arbitrary<DataSet> {
  const membership = fc.option(
    fc.tuple(instant, fc.option(instant, { nil: null })).map(([joined, left]) => ({
      joined,
      left,
    })),
    { nil: null },
  );
  return fc.integer({ min: 1, max: maxCustomers }).chain((n) =>
    fc
      .record({
        memberships: fc.array(membership, { minLength: n, maxLength: n }),
        orders: fc.array(
          fc.record({
            customer: fc.integer({ min: 0, max: n + 1 }), // n, n+1: unknown customers
            at: instant,
            amount: fc.integer({ min: 0, max: 100_000 }),
            private: fc.boolean(),
            status: fc.constantFrom<OrderStatus>('paid', 'completed', 'cancelled', 'shipped'),
            returned: fc.boolean(),
            grossProfit: fc.option(fc.integer({ min: -1_000, max: 50_000 }), { nil: null }),
            id: fc.integer({ min: 0, max: 9 }),
          }),
          { maxLength: maxOrders },
        ),
      })
      .map(({ memberships, orders }) => ({
        customers: memberships.map((m, i) => ({
          id: `c${i}`,
          acquiredAt: null,
          acquisitionChannel: null,
          joinedPrivateAt: m?.joined ?? null,
          leftPrivateAt: m?.left ?? null,
        })),
        orders: orders.map((o, i) => ({
          // A random prefix so that id order differs from creation order; the index keeps ids unique.
          id: `${o.id}-${i}`,
          customerId: `c${o.customer}`,
          channel: o.private ? 'wecom' : 'tmall',
          domain: o.private ? ('private' as const) : ('public' as const),
          orderedAt: o.at,
          localDate: localDateOf(o.at, timeZone),
          amountFen: o.amount,
          grossProfitFen: o.grossProfit,
          commissionFen: null,
          status: o.status,
          returned: o.returned,
          refundFen: 0,
        })),
      })),
  );
}

export const windowArb: fc.Arbitrary<DateWindow> = fc
  .tuple(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 120 }))
  .map(([start, length]) => ({
    from: addDays('2023-11-01', start),
    to: addDays('2023-11-01', start + length),
  }));

/** A deterministic shuffle from a seed (Fisher–Yates over a small LCG). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const seedArb = fc.integer();
