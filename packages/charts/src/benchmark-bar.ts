/**
 * One metric, private vs public, as two bars with the article's benchmarks drawn as reference
 * marks (a flat tick on the bar's side), not as goals: the reader sees where the shop stands
 * against what the article reports.
 */
import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import type { Locale, MetricUnit } from '@yugang/metrics';
import { COLORS, SIDE_LABELS, type Side } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface BenchmarkMark {
  side: Side;
  /** In the metric's unit (a relative benchmark already multiplied out by the caller). */
  value: number;
  label: string;
}

export interface BenchmarkBarInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  private: number | null;
  public: number | null;
  benchmarks: readonly BenchmarkMark[];
  /** Name of the marks in the legend, e.g. 文章基准 / Article benchmark. */
  benchmarkName: string;
}

const SIDES: Side[] = ['private', 'public'];

export function benchmarkBarOption(input: BenchmarkBarInput): EChartsOption {
  const { locale, unit } = input;
  const f = (v: number | null) => formatChartValue(v, unit, locale);
  const names = SIDES.map((s) => SIDE_LABELS[locale][s]);
  const bar: BarSeriesOption = {
    id: 'value',
    name: input.title,
    type: 'bar',
    barWidth: '45%',
    data: SIDES.map((s) => ({ value: input[s], itemStyle: { color: COLORS[s] } })),
    label: {
      show: true,
      position: 'insideTop',
      color: '#fff',
      formatter: (p: { value?: unknown }) => f(typeof p.value === 'number' ? p.value : null),
    },
  };
  const marks: LineSeriesOption = {
    id: 'benchmark',
    name: input.benchmarkName,
    type: 'line',
    data: SIDES.map((s) => input.benchmarks.find((b) => b.side === s)?.value ?? null),
    symbol: 'rect',
    symbolSize: [56, 4],
    itemStyle: { color: COLORS.goal },
    lineStyle: { width: 0 },
    connectNulls: false,
    label: {
      show: true,
      position: 'top',
      color: COLORS.goal,
      formatter: (p: { value?: unknown }) => f(typeof p.value === 'number' ? p.value : null),
    },
  };
  const zh = locale === 'zh-CN';
  const parts = [
    zh
      ? `图表：${input.title}，${names[0]} ${f(input.private)}，${names[1]} ${f(input.public)}。`
      : `Chart: ${input.title}, ${names[0]} ${f(input.private)}, ${names[1]} ${f(input.public)}.`,
    ...input.benchmarks.map((b) =>
      zh ? `参考：${b.label} ${f(b.value)}。` : `Reference: ${b.label} ${f(b.value)}.`,
    ),
  ];
  const peak = Math.max(
    0,
    input.private ?? 0,
    input.public ?? 0,
    ...input.benchmarks.map((b) => b.value),
  );
  return {
    aria: { enabled: true, label: { description: parts.join(zh ? '' : ' ') } },
    animation: false,
    legend: { data: [input.benchmarkName], top: 0, show: input.benchmarks.length > 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => f(typeof v === 'number' ? v : null) },
    xAxis: { type: 'category', data: names },
    yAxis: {
      type: 'value',
      max: peak > 0 ? peak * 1.15 : undefined,
      axisLabel: { formatter: (v: number) => formatChartValue(v, unit, locale, true) },
    },
    series: [bar, marks],
  };
}
