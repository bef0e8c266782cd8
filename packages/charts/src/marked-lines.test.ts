import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { markedLinesOption } from './marked-lines.js';

describe('markedLinesOption', () => {
  it('draws each named series and marks only months on the axis', () => {
    const option = markedLinesOption({
      locale: 'en',
      title: 'Cumulative cost vs gross profit',
      unit: 'money',
      categories: ['2026-01', '2026-02', '2026-03'],
      series: [
        { name: 'Cost', values: [100, 200, 300], color: '#f00' },
        { name: 'Gross profit', values: [50, 180, 360], color: '#00f' },
      ],
      marks: [
        { category: '2026-03', label: 'cost balance' },
        { category: '2027-01', label: 'off the axis' },
      ],
    });
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Cost', [100, 200, 300]],
      ['Gross profit', [50, 180, 360]],
    ]);
    expect((series[0]!.markLine as { data: unknown[] }).data).toEqual([
      { name: 'cost balance', xAxis: '2026-03' },
    ]);
    expect(series[1]!.markLine).toBeUndefined();
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('Mark cost balance: 2026-03.');
    expect(aria).not.toContain('off the axis');
    expect((option.yAxis as { minInterval?: number }).minInterval).toBeUndefined();
    const counts = markedLinesOption({
      locale: 'en',
      title: 'Accounts',
      unit: 'count',
      categories: ['a'],
      series: [{ name: 'n', values: [1], color: '#000' }],
    });
    expect((counts.yAxis as { minInterval?: number }).minInterval).toBe(1);
  });
});
