import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { histogramOption } from './histogram.js';

describe('histogramOption', () => {
  it('draws a bar per bin and names the largest bin', () => {
    const option = histogramOption({
      locale: 'en',
      title: 'Predicted CLV',
      seriesName: 'Customers',
      bins: [
        { label: '¥0–100', customers: 40 },
        { label: '¥100–200', customers: 70 },
        { label: '¥200+', customers: 10 },
      ],
    });
    expect((option.series as BarSeriesOption[])[0]!.data).toEqual([40, 70, 10]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['¥0–100', '¥100–200', '¥200+']);
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('120 customers in 3 bins');
    expect(aria).toContain('¥100–200 (70)');
  });

  it('when there are no customers, then it says there is no data', () => {
    const option = histogramOption({
      locale: 'zh-CN',
      title: '预测 CLV',
      seriesName: '人数',
      bins: [],
    });
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      '无数据',
    );
  });
});
