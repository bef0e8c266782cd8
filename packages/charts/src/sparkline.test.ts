import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { sparklineOption } from './sparkline.js';

const periods = ['W01', 'W02', 'W03', 'W04'];

describe('sparklineOption', () => {
  it('draws one line without axes', () => {
    const option = sparklineOption({
      locale: 'zh-CN',
      title: '复购率',
      unit: 'ratio',
      periods,
      values: [0.1, 0.12, null, 0.15],
    });
    const series = option.series as LineSeriesOption[];
    expect(series).toHaveLength(1);
    expect(series[0]!.data).toEqual([0.1, 0.12, null, 0.15]);
    expect((option.xAxis as { show: boolean }).show).toBe(false);
    expect((option.yAxis as { show: boolean }).show).toBe(false);
  });

  it('when the last period is unfinished, then the last segment is dashed', () => {
    const option = sparklineOption({
      locale: 'en',
      title: 'Repeat rate',
      unit: 'ratio',
      periods,
      values: [0.1, 0.12, 0.13, 0.15],
      unfinishedLast: true,
    });
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => s.lineStyle?.type)).toEqual(['solid', 'dashed']);
    expect(series[0]!.data).toEqual([0.1, 0.12, 0.13, null]);
    expect(series[1]!.data).toEqual([null, null, 0.13, 0.15]);
    const aria = option.aria as { label: { description: string } };
    expect(aria.label.description).toContain('W04 has not ended yet');
  });
});
