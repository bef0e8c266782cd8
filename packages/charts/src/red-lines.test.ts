import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { redLinesOption } from './red-lines.js';

const input = {
  locale: 'zh-CN' as const,
  title: 'W1 红线',
  dates: ['2026-09-01', '2026-09-02', '2026-09-03'],
  values: {
    activeAdds: [4, 12, null],
    passiveAdds: [10, 31, null],
    massSends: [1, 2, null],
  },
  limits: { activeAdds: 10, passiveAdds: 30, massSends: 1 },
};

describe('redLinesOption', () => {
  it('when an account has three measures, then each is its own panel with its limit as a red line', () => {
    const option = redLinesOption(input);
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => [s.name, s.xAxisIndex, s.yAxisIndex])).toEqual([
      ['主动加人', 0, 0],
      ['被动加人', 1, 1],
      ['群发次数', 2, 2],
    ]);
    expect(series.map((s) => (s.markLine!.data as { yAxis: number }[])[0]!.yAxis)).toEqual([
      10, 30, 1,
    ]);
    expect((option.grid as unknown[]).length).toBe(3);
  });

  it('when a day crosses its limit, then that point is red and a day at the limit is not', () => {
    const series = redLinesOption(input).series as LineSeriesOption[];
    expect(series[0]!.data).toEqual([4, { value: 12, itemStyle: { color: '#cf222e' } }, null]);
    expect(series[2]!.data).toEqual([1, { value: 2, itemStyle: { color: '#cf222e' } }, null]);
  });

  it('when described for a screen reader, then the text names the limits', () => {
    const option = redLinesOption({ ...input, locale: 'en', title: 'W1 red lines' });
    const text = (option.aria as { label: { description: string } }).label.description;
    expect(text).toContain('W1 red lines');
    expect(text).toContain('Active adds Limit');
  });
});
