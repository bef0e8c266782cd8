/** A headline card's 8–12-period sparkline: one line, no axes, the unfinished period dashed. */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Locale, MetricUnit } from '@yugang/metrics';
import { ariaDescription } from './aria.js';
import { COLORS } from './palette.js';

export interface SparklineInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  periods: readonly string[];
  values: readonly (number | null)[];
  unfinishedLast?: boolean;
  color?: string;
}

export function sparklineOption(input: SparklineInput): EChartsOption {
  const color = input.color ?? COLORS.private;
  const n = input.values.length;
  const dashedTail = Boolean(input.unfinishedLast) && n >= 2;
  const line = (id: string, data: (number | null)[], dashed: boolean): LineSeriesOption => ({
    id,
    type: 'line',
    data,
    showSymbol: false,
    lineStyle: { color, width: 1.5, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
    areaStyle: dashed ? undefined : { color, opacity: 0.08 },
    silent: true,
  });
  const values = [...input.values];
  const series = dashedTail
    ? [
        line(
          'value',
          values.map((v, i) => (i < n - 1 ? v : null)),
          false,
        ),
        line(
          'value-unfinished',
          values.map((v, i) => (i >= n - 2 ? v : null)),
          true,
        ),
      ]
    : [line('value', values, false)];
  return {
    aria: {
      enabled: true,
      label: {
        description: ariaDescription({
          locale: input.locale,
          title: input.title,
          unit: input.unit,
          categories: input.periods,
          series: [{ name: input.title, values: input.values }],
          unfinishedLast: input.unfinishedLast,
        }),
      },
    },
    animation: false,
    grid: { left: 0, right: 0, top: 2, bottom: 2 },
    xAxis: { type: 'category', data: [...input.periods], show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { show: false },
    series,
  };
}
