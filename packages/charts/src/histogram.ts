/** A distribution as bars: one bar per bin (label already formatted), height in customers. */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { COLORS } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface HistogramBin {
  label: string;
  customers: number;
}

export interface HistogramInput {
  locale: Locale;
  title: string;
  bins: readonly HistogramBin[];
  seriesName: string;
}

export function histogramOption(input: HistogramInput): EChartsOption {
  const { locale } = input;
  const n = (v: number | null) => formatChartValue(v, 'count', locale);
  const total = input.bins.reduce((s, b) => s + b.customers, 0);
  const peak = input.bins.reduce<HistogramBin | null>(
    (a, b) => (a === null || b.customers > a.customers ? b : a),
    null,
  );
  const zh = locale === 'zh-CN';
  const description =
    peak === null || total === 0
      ? zh
        ? `直方图：${input.title}，无数据。`
        : `Histogram: ${input.title}, no data.`
      : zh
        ? `直方图：${input.title}，共 ${n(total)} 人，${input.bins.length} 个区间；最多的区间是 ${peak.label}（${n(peak.customers)} 人）。`
        : `Histogram: ${input.title}, ${n(total)} customers in ${input.bins.length} bins; the largest bin is ${peak.label} (${n(peak.customers)}).`;
  const series: BarSeriesOption = {
    id: 'bins',
    name: input.seriesName,
    type: 'bar',
    barCategoryGap: '10%',
    data: input.bins.map((b) => b.customers),
    itemStyle: { color: COLORS.private },
  };
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => n(typeof v === 'number' ? v : null) },
    xAxis: { type: 'category', data: input.bins.map((b) => b.label), axisLabel: { rotate: 30 } },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatChartValue(v, 'count', locale, true) },
    },
    series: [series],
  };
}
