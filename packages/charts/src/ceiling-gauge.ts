/**
 * A value against a ceiling as a gauge (nurture cost vs 3 × public CAC): the dial runs to
 * 1.5 × the ceiling (or the value, if higher), green up to the ceiling and red past it.
 */
import type { EChartsOption, GaugeSeriesOption } from 'echarts';
import type { Locale, MetricUnit } from '@yugang/metrics';
import { formatChartValue } from './value-format.js';

export interface CeilingGaugeInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  value: number | null;
  ceiling: number | null;
  ceilingLabel: string;
}

export const GAUGE_OK = '#2da44e';
export const GAUGE_OVER = '#cf222e';

/** The dial's maximum: 1.5 × the ceiling, or the value if it is higher; 1 with neither. */
export function gaugeMax(value: number | null, ceiling: number | null): number {
  const candidates = [ceiling === null ? 0 : ceiling * 1.5, value ?? 0];
  const max = Math.max(...candidates);
  return max > 0 ? max : 1;
}

export function ceilingGaugeOption(input: CeilingGaugeInput): EChartsOption {
  const { locale, unit, value, ceiling } = input;
  const f = (v: number | null) => formatChartValue(v, unit, locale);
  const max = gaugeMax(value, ceiling);
  const split = ceiling !== null && ceiling > 0 ? Math.min(1, ceiling / max) : 1;
  const zh = locale === 'zh-CN';
  const description =
    ceiling === null
      ? zh
        ? `仪表：${input.title} ${f(value)}，无上限数据。`
        : `Gauge: ${input.title} ${f(value)}, no ceiling available.`
      : zh
        ? `仪表：${input.title} ${f(value)}，${input.ceilingLabel} ${f(ceiling)}，${value !== null && value <= ceiling ? '在上限以内' : '超过上限'}。`
        : `Gauge: ${input.title} ${f(value)} against ${input.ceilingLabel} ${f(ceiling)}, ${value !== null && value <= ceiling ? 'within' : 'over'} the ceiling.`;
  const series: GaugeSeriesOption = {
    id: 'gauge',
    type: 'gauge',
    min: 0,
    max,
    startAngle: 200,
    endAngle: -20,
    radius: '90%',
    center: ['50%', '60%'],
    axisLine: {
      lineStyle: {
        width: 14,
        color: [
          [split, GAUGE_OK],
          [1, GAUGE_OVER],
        ],
      },
    },
    splitNumber: 4,
    axisLabel: {
      distance: 18,
      fontSize: 10,
      formatter: (v: number) => formatChartValue(v, unit, locale, true),
    },
    pointer: { width: 5 },
    detail: {
      valueAnimation: false,
      fontSize: 18,
      offsetCenter: [0, '35%'],
      formatter: () => f(value),
    },
    title: { offsetCenter: [0, '60%'], fontSize: 12 },
    data: [
      { value: value ?? 0, name: ceiling === null ? '' : `${input.ceilingLabel} ${f(ceiling)}` },
    ],
  };
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    series: [series],
  };
}
