import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { benchmarkBarOption } from './benchmark-bar.js';

describe('benchmarkBarOption', () => {
  it('draws private and public bars and each benchmark as a mark on its side', () => {
    const option = benchmarkBarOption({
      locale: 'zh-CN',
      title: '购买频次',
      unit: 'count',
      private: 2.3,
      public: 1.1,
      benchmarks: [
        { side: 'public', value: 1.2, label: '天猫 1.2 次' },
        { side: 'private', value: 2.1, label: '私域 2.1 次' },
      ],
      benchmarkName: '文章基准',
    });
    const [bar, marks] = option.series as [BarSeriesOption, LineSeriesOption];
    expect((bar.data as { value: number }[]).map((d) => d.value)).toEqual([2.3, 1.1]);
    expect(marks.data).toEqual([2.1, 1.2]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['私域', '公域']);
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('参考：天猫 1.2 次');
    expect((option.yAxis as { max: number }).max).toBeCloseTo(2.3 * 1.15);
  });

  it('when a side has no benchmark or no value, then its mark and bar are null, not 0', () => {
    const option = benchmarkBarOption({
      locale: 'en',
      title: 'Return rate',
      unit: 'ratio',
      private: null,
      public: 0.1,
      benchmarks: [{ side: 'private', value: 0.06, label: '40% below public' }],
      benchmarkName: 'Article benchmark',
    });
    const [bar, marks] = option.series as [BarSeriesOption, LineSeriesOption];
    expect((bar.data as { value: number | null }[])[0]!.value).toBeNull();
    expect(marks.data).toEqual([0.06, null]);
    expect((option.legend as { show: boolean }).show).toBe(true);
  });
});
