import type { GaugeSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { ceilingGaugeOption, gaugeMax, GAUGE_OK, GAUGE_OVER } from './ceiling-gauge.js';

describe('ceilingGaugeOption', () => {
  it('runs the dial to 1.5 × the ceiling, green up to the ceiling and red past it', () => {
    const option = ceilingGaugeOption({
      locale: 'zh-CN',
      title: '养客成本',
      unit: 'money',
      value: 210,
      ceiling: 327,
      ceilingLabel: '上限（3 × 获客成本）',
    });
    const gauge = (option.series as GaugeSeriesOption[])[0]!;
    expect(gauge.max).toBeCloseTo(490.5);
    const colors = (gauge.axisLine as { lineStyle: { color: [number, string][] } }).lineStyle.color;
    expect(colors[0]![0]).toBeCloseTo(327 / 490.5);
    expect(colors.map((c) => c[1])).toEqual([GAUGE_OK, GAUGE_OVER]);
    expect((gauge.data as { value: number }[])[0]!.value).toBe(210);
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      '在上限以内',
    );
  });

  it('when the value is over the ceiling, then the dial reaches it and the text says over', () => {
    expect(gaugeMax(600, 300)).toBe(600);
    const option = ceilingGaugeOption({
      locale: 'en',
      title: 'Nurture cost',
      unit: 'money',
      value: 600,
      ceiling: 300,
      ceilingLabel: 'ceiling',
    });
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      'over the ceiling',
    );
  });

  it('when there is no ceiling, then the dial is one colour and says so', () => {
    expect(gaugeMax(null, null)).toBe(1);
    const option = ceilingGaugeOption({
      locale: 'en',
      title: 'Nurture cost',
      unit: 'money',
      value: 50,
      ceiling: null,
      ceilingLabel: 'ceiling',
    });
    const gauge = (option.series as GaugeSeriesOption[])[0]!;
    expect(gauge.max).toBe(50);
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      'no ceiling',
    );
  });
});
