import { describe, expect, it } from 'vitest';
import { benchmarkMarks, compareRows } from './compare-rows';

const e = (value: number | null, numerator = 0, denominator = 0) => ({
  value,
  numerator,
  denominator,
});

describe('benchmarkMarks', () => {
  it('draws the article figures: 1.2 public and 2.1 private purchases a year', () => {
    const marks = benchmarkMarks('purchase_frequency', 1.1, 'en');
    expect(marks.map((m) => [m.side, m.value])).toEqual([
      ['public', 1.2],
      ['private', 2.1],
    ]);
    expect(marks[0]!.label).toContain('1.2');
  });

  it('multiplies a relative benchmark (return rate 40 % lower) by the shop’s own public value', () => {
    const [mark] = benchmarkMarks('return_rate', 0.1, 'zh-CN');
    expect(mark!.side).toBe('private');
    expect(mark!.value).toBeCloseTo(0.06);
    expect(benchmarkMarks('return_rate', null, 'zh-CN')).toEqual([]);
  });

  it('marks ~70 % repeat share for private and nothing for metrics without benchmarks', () => {
    expect(benchmarkMarks('repeat_revenue_share', 0.3, 'en').map((m) => m.value)).toEqual([0.7]);
    expect(benchmarkMarks('gmv', 100, 'en')).toEqual([]);
  });
});

describe('compareRows', () => {
  it('keeps catalog order and the ratio private / public only where both are positive', () => {
    const metrics = {
      buyers: { private: e(50, 50, 1), public: e(100, 100, 1), all: e(150), previous: {} },
      orders: { private: e(80), public: e(0), all: e(80), previous: {} },
    };
    const rows = compareRows({ metrics } as unknown as Parameters<typeof compareRows>[0], 'en');
    expect(rows.map((r) => [r.id, r.ratio])).toEqual([
      ['buyers', 0.5],
      ['orders', null],
    ]);
  });
});
