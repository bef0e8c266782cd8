import { describe, expect, it } from 'vitest';
import type { CopyValue } from '../db/database.js';
import { demoCosts } from './generate-costs.js';
import { customerRows, emptyStats, orderCursor, orderRows } from './generate-customers.js';
import { measureStory } from './measure.js';
import { Random } from './random.js';
import { timeline } from './timeline.js';

// Pure generator checks (no database): chunking, determinism, the story at the default size.
const t = timeline();

function orders(seed: number, count: number, chunk: number): CopyValue[][] {
  const cursor = orderCursor(seed);
  const stats = emptyStats();
  const rows: CopyValue[][] = [];
  for (let from = 1; from <= count; from += chunk) {
    rows.push(
      ...orderRows(1, seed, count, t, cursor, stats, from, Math.min(count, from + chunk - 1)),
    );
  }
  return rows;
}

describe('demo generators', () => {
  it('when orders are generated in chunks (PGlite) or in one pass (Postgres), then the rows are identical', () => {
    expect(orders(1, 1_500, 400)).toEqual(orders(1, 1_500, 1_500));
  });

  it('when the same seed is used, then every row repeats; with another seed, rows differ', () => {
    expect([...customerRows(1, 7, 500, t)]).toEqual([...customerRows(1, 7, 500, t)]);
    expect(orders(7, 500, 500)).toEqual(orders(7, 500, 500));
    expect(orders(8, 500, 500)).not.toEqual(orders(7, 500, 500));
  });

  it('when the default 20,000 customers are measured, then the story reads 2.1 vs 1.2, 0.6 and 70%', () => {
    const f = measureStory(1, 20_000, t);
    expect(f.frequency.private).toBeGreaterThan(2.0);
    expect(f.frequency.private).toBeLessThan(2.2);
    expect(f.frequency.public).toBeGreaterThan(1.12);
    expect(f.frequency.public).toBeLessThan(1.28);
    expect(f.returnRate.ratio).toBeGreaterThan(0.57);
    expect(f.returnRate.ratio).toBeLessThan(0.63);
    expect(f.privateRepeatRevenueShare).toBeGreaterThan(0.66);
    expect(f.privateRepeatRevenueShare).toBeLessThan(0.74);
    expect(f.members / f.customers).toBeGreaterThan(0.3);
    expect(f.members / f.customers).toBeLessThan(0.4);
  });

  it('when costs are generated, then private costs start at the launch and public ones cover every month', () => {
    const stats = emptyStats();
    for (const _ of orderRows(1, 1, 2_000, t, orderCursor(1), stats));
    const costs = demoCosts(1, 2_000, t, stats);
    const privateMonths = new Set(costs.filter((c) => c.domain === 'private').map((c) => c.month));
    const publicMonths = new Set(costs.filter((c) => c.domain === 'public').map((c) => c.month));
    expect(Math.min(...[...privateMonths].map((m) => Date.parse(`${m}-01`)))).toBe(
      Date.parse('2024-04-01'),
    );
    expect(privateMonths.size).toBe(30);
    expect(publicMonths.size).toBe(36);
    expect(costs.every((c) => Number.isInteger(c.amountFen) && c.amountFen >= 0)).toBe(true);
  });

  it('when the distributions are sampled, then their means are right', () => {
    const rng = new Random(42);
    const n = 20_000;
    let gamma = 0;
    let poisson = 0;
    let lognormal = 0;
    for (let i = 0; i < n; i += 1) {
      gamma += rng.gamma(2, 0.8);
      poisson += rng.poisson(3);
      lognormal += Math.log(rng.lognormal(168, 0.55));
    }
    expect(gamma / n).toBeCloseTo(1.6, 1);
    expect(poisson / n).toBeCloseTo(3, 1);
    expect(Math.exp(lognormal / n)).toBeGreaterThan(160);
    expect(Math.exp(lognormal / n)).toBeLessThan(176);
  });
});
