import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION1_IDS } from './catalog.js';
import { customerValueMetrics } from './customer-value.js';
import { dataSet, seedArb, shuffled, windowArb } from './oracle-arbitraries.js';

const TZ = 'Asia/Shanghai';
const settings = { defaultMargin: 0.35 };
const RATES = ['repeat_purchase_rate', 'return_rate', 'repeat_revenue_share'] as const;
const ADDITIVE = ['buyers', 'orders', 'gmv', 'gross_profit'] as const;

describe('customerValueMetrics properties', () => {
  it('when any data and window are given, then rates are within [0, 1] or null with a reason, never NaN', () => {
    fc.assert(
      fc.property(dataSet(TZ), windowArb, ({ customers, orders }, window) => {
        const m = customerValueMetrics({ customers, orders, window, timeZone: TZ, settings });
        for (const id of SECTION1_IDS) {
          for (const e of Object.values(m[id])) {
            if (e.value === null) expect(e.reason).toBeTruthy();
            else expect(Number.isFinite(e.value)).toBe(true);
          }
        }
        for (const id of RATES) {
          for (const e of Object.values(m[id])) {
            if (e.value !== null) {
              expect(e.value).toBeGreaterThanOrEqual(0);
              expect(e.value).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
    );
  });

  it('when a customer is in exactly one group, then counts and sums of public and private add up to all', () => {
    fc.assert(
      fc.property(dataSet(TZ), windowArb, ({ customers, orders }, window) => {
        const m = customerValueMetrics({ customers, orders, window, timeZone: TZ, settings });
        for (const id of ADDITIVE) {
          expect(m[id].public.value! + m[id].private.value!).toBe(m[id].all.value);
        }
      }),
    );
  });

  it('when customers and orders are shuffled, then every metric is the same', () => {
    fc.assert(
      fc.property(dataSet(TZ), windowArb, seedArb, ({ customers, orders }, window, seed) => {
        const a = customerValueMetrics({ customers, orders, window, timeZone: TZ, settings });
        const b = customerValueMetrics({
          customers: shuffled(customers, seed),
          orders: shuffled(orders, seed + 1),
          window,
          timeZone: TZ,
          settings,
        });
        expect(b).toEqual(a);
      }),
    );
  });
});
