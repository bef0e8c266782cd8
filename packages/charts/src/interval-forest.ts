/**
 * Estimates with their intervals on one value axis (a forest plot), one row each: a point for the
 * estimate, a thick segment from low to high, and a line at zero so "is it above nothing?" reads at
 * a glance. Rows without an interval (a naive gap) show the point alone.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Locale, MetricUnit } from '@yugang/metrics';
import { COLORS } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface IntervalRow {
  label: string;
  estimate: number;
  low: number | null;
  high: number | null;
  /** 'matched' draws in the private colour; 'naive' in grey. */
  kind: 'matched' | 'naive';
}

export interface IntervalForestInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  rows: readonly IntervalRow[];
  /** e.g. "90% interval". */
  intervalName: string;
  estimateName: string;
}

const colorOf = (kind: IntervalRow['kind']) =>
  kind === 'matched' ? COLORS.private : COLORS.public;

export function intervalForestOption(input: IntervalForestInput): EChartsOption {
  const { locale, unit } = input;
  const v = (x: number | null) => formatChartValue(x, unit, locale);
  const zh = locale === 'zh-CN';
  const parts = input.rows.map((r) =>
    r.low !== null && r.high !== null
      ? zh
        ? `${r.label} ${v(r.estimate)}（${input.intervalName} ${v(r.low)}–${v(r.high)}）`
        : `${r.label} ${v(r.estimate)} (${input.intervalName} ${v(r.low)}–${v(r.high)})`
      : `${r.label} ${v(r.estimate)}`,
  );
  const description =
    input.rows.length === 0
      ? zh
        ? `区间图：${input.title}，无数据。`
        : `Interval chart: ${input.title}, no data.`
      : zh
        ? `区间图：${input.title}。${parts.join('；')}。`
        : `Interval chart: ${input.title}. ${parts.join('; ')}.`;
  const labels = input.rows.map((r) => r.label);
  const intervals: LineSeriesOption[] = input.rows.flatMap((r, i) =>
    r.low === null || r.high === null
      ? []
      : [
          {
            id: `interval-${i}`,
            name: input.intervalName,
            type: 'line',
            data: [
              [r.low, r.label],
              [r.high, r.label],
            ],
            symbol: 'rect',
            symbolSize: [2, 14],
            lineStyle: { width: 6, color: colorOf(r.kind), opacity: 0.35 },
            itemStyle: { color: colorOf(r.kind) },
            tooltip: { show: false },
            silent: true,
          },
        ],
  );
  const estimates: LineSeriesOption = {
    id: 'estimates',
    name: input.estimateName,
    type: 'line',
    data: input.rows.map((r) => ({
      value: [r.estimate, r.label],
      itemStyle: { color: colorOf(r.kind) },
    })),
    symbol: 'diamond',
    symbolSize: 14,
    lineStyle: { opacity: 0 },
    label: {
      show: true,
      position: 'top',
      formatter: (p) => v((p.value as [number, string])[0]),
    },
    markLine: {
      silent: true,
      symbol: 'none',
      label: { show: false },
      lineStyle: { color: '#57606a', type: 'dashed' },
      data: [{ xAxis: 0 }],
    },
  };
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => parts[(p as { dataIndex: number }).dataIndex] ?? '',
    },
    xAxis: {
      type: 'value',
      axisLabel: {
        formatter: (x: number) => formatChartValue(x, unit, locale, true),
        hideOverlap: true,
      },
    },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [...intervals, estimates],
  };
}
