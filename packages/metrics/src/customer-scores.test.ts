import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  scoreCustomers,
  scoreCustomersSteps,
  type CustomerHistoryColumns,
} from './customer-scores.js';

const cdnow = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv',
);

/** The CDNOW sample (x, t_x and T in weeks, mean repeat spend in $) as day histories. */
function histories(n = Infinity): CustomerHistoryColumns {
  const lines = readFileSync(cdnow, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1, n + 1);
  const col = () => new Float64Array(lines.length);
  const c = {
    customer_id: col(),
    order_days: col(),
    orders: col(),
    gmv_fen: col(),
    recency: col(),
    t: col(),
    is_private: col(),
  };
  lines.forEach((line, i) => {
    const [id = NaN, x = NaN, tx = NaN, T = NaN, zbar = NaN] = line.split(',').map(Number);
    c.customer_id[i] = id;
    c.order_days[i] = x + 1;
    c.orders[i] = x + 1;
    c.gmv_fen[i] = Math.round(zbar * 100) * (x + 1);
    c.recency[i] = Math.round(tx * 7);
    c.t[i] = Math.round(T * 7);
    c.is_private[i] = id % 3 === 0 ? 1 : 0;
  });
  return { rows: lines.length, columns: c };
}

describe('scoreCustomers', () => {
  it('when driven step by step, then it gives exactly what the one-piece call gives', () => {
    const h = histories();
    const steps = scoreCustomersSteps(h, { horizonMonths: 12, margin: 0.3 });
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields += 1;
      step = steps.next();
    }
    expect(yields).toBeGreaterThan(3);
    expect(step.value).toEqual(scoreCustomers(h, { horizonMonths: 12, margin: 0.3 }));
  });

  it('when fitted, then every customer is scored with finite values that grow with margin and horizon', () => {
    const h = histories();
    const base = scoreCustomers(h, { horizonMonths: 12, margin: 0.3 });
    const richer = scoreCustomers(h, { horizonMonths: 12, margin: 0.6 });
    const longer = scoreCustomers(h, { horizonMonths: 24, margin: 0.3 });
    if (!base.ok || !richer.ok || !longer.ok) throw new Error('expected a fit');
    expect(base.scores.size).toBe(h.rows - base.skipped);
    expect(Array.from(base.scores.customerId.slice(0, 3))).toEqual([1, 2, 3]);
    for (let i = 0; i < base.scores.size; i++) {
      expect(base.scores.pAlive[i]).toBeGreaterThanOrEqual(0);
      expect(base.scores.pAlive[i]).toBeLessThanOrEqual(1);
      expect(richer.scores.clv[i]).toBeCloseTo(2 * base.scores.clv[i]!, 6);
      expect(longer.scores.clv[i]).toBeGreaterThanOrEqual(base.scores.clv[i]!);
    }
  });

  it('when there are no customers, no repeat buyers or only free repeat orders, then no fit and the reason', () => {
    const options = { horizonMonths: 12, margin: 0.3 };
    expect(scoreCustomers(histories(0), options)).toEqual({
      ok: false,
      reason: 'no customer has an order before asOf',
    });
    const once = histories(50);
    once.columns.order_days.fill(1);
    expect(scoreCustomers(once, options)).toMatchObject({ ok: false, reason: /no repeat buyers/ });
    const free = histories(50);
    free.columns.gmv_fen.fill(0);
    expect(scoreCustomers(free, options)).toMatchObject({ ok: false, reason: /Gamma-Gamma/ });
  });
});
