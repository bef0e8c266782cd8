import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetSplit,
  costsByCategory,
  cumulativeCurves,
  type EconomicsMonth,
} from './economics.js';
import type { CostCategory, CostRecord } from './records.js';
import { addMonths } from './time.js';

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const fen = fc.nat(10_000_000);
const months = fc
  .uniqueArray(
    fc.record({
      offset: fc.integer({ min: 0, max: 23 }),
      privateCostFen: fen,
      privateGrossProfitFen: fen,
      publicCostFen: fen,
      publicGrossProfitFen: fen,
    }),
    { selector: (r) => r.offset, maxLength: 24 },
  )
  .map((rows) =>
    rows.map(({ offset, ...rest }): EconomicsMonth => ({
      month: addMonths('2023-01', offset),
      ...rest,
    })),
  );

describe('economics properties', () => {
  it('when any spend is split, then the three shares lie in [0,1] and sum to 1, and the deviations to 0', () => {
    fc.assert(
      fc.property(fen, fen, fen, (traffic, tools, trial) => {
        const split = budgetSplit({ traffic, tools, trial });
        if (split.totalFen === 0) return;
        let sum = 0;
        let deviation = 0;
        for (const s of split.shares) {
          expect(s.share.value).toBeGreaterThanOrEqual(0);
          expect(s.share.value).toBeLessThanOrEqual(1);
          sum += s.share.value!;
          deviation += s.deviation!;
        }
        expect(sum).toBeCloseTo(1, 9);
        expect(deviation).toBeCloseTo(0, 9);
      }),
    );
  });

  it('when months come in any order, then the cumulative curves and their marks are the same, and costs only grow', () => {
    fc.assert(
      fc.property(months, fc.integer(), (rows, seed) => {
        const curves = cumulativeCurves({ months: rows });
        expect(cumulativeCurves({ months: shuffle(rows, seed) })).toEqual(curves);
        for (let i = 1; i < curves.points.length; i += 1) {
          expect(curves.points[i]!.privateCostFen).toBeGreaterThanOrEqual(
            curves.points[i - 1]!.privateCostFen,
          );
          expect(curves.points[i]!.index).toBe(i + 1);
        }
        for (const p of curves.points) {
          expect(Number.isFinite(p.privateRoi ?? 0)).toBe(true);
          expect(Number.isFinite(p.publicRoi ?? 0)).toBe(true);
        }
      }),
    );
  });

  it('when costs are summed over listed months, then the categories add up to the total', () => {
    const costs = fc.array(
      fc.record({
        month: fc.integer({ min: 0, max: 11 }).map((m) => addMonths('2024-01', m)),
        domain: fc.constantFrom('public' as const, 'private' as const),
        category: fc.constantFrom<CostCategory>('labor', 'tools', 'traffic', 'trial', 'fixed'),
        amountFen: fen,
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(costs, (rows: CostRecord[]) => {
        const listed = ['2024-01', '2024-02', '2024-03'];
        const sums = costsByCategory(rows, { months: listed }, 'private');
        const expected = rows
          .filter((r) => r.domain === 'private' && listed.includes(r.month))
          .reduce((s, r) => s + r.amountFen, 0);
        expect(sums.total).toBe(expected);
        expect(sums.labor + sums.tools + sums.traffic + sums.trial + sums.fixed).toBe(expected);
      }),
    );
  });
});
