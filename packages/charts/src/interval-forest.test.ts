import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { intervalForestOption } from './interval-forest.js';

const rows = [
  { label: 'Matched', estimate: 38, low: 29, high: 47, kind: 'matched' as const },
  { label: 'Naive', estimate: 75.5, low: null, high: null, kind: 'naive' as const },
];

describe('intervalForestOption', () => {
  it('draws a segment from low to high for rows with an interval and a point for every estimate', () => {
    const option = intervalForestOption({
      locale: 'en',
      title: 'Gross profit per member',
      unit: 'money',
      rows,
      intervalName: '90% interval',
      estimateName: 'Estimate',
    });
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => s.id)).toEqual(['interval-0', 'estimates']);
    expect(series[0]!.data).toEqual([
      [29, 'Matched'],
      [47, 'Matched'],
    ]);
    expect((series[1]!.data as { value: [number, string] }[]).map((d) => d.value)).toEqual([
      [38, 'Matched'],
      [75.5, 'Naive'],
    ]);
    expect((series[1]!.markLine as { data: unknown[] }).data).toEqual([{ xAxis: 0 }]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Matched', 'Naive']);
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('Matched ¥38.00 (90% interval ¥29.00–¥47.00)');
    expect(aria).toContain('Naive ¥75.50');
  });

  it('when there are no rows, then it says there is no data', () => {
    const option = intervalForestOption({
      locale: 'zh-CN',
      title: '每位成员毛利',
      unit: 'money',
      rows: [],
      intervalName: '90% 区间',
      estimateName: '估计',
    });
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      '无数据',
    );
  });
});
