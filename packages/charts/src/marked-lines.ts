/**
 * Named lines over months with vertical marks at named months (e.g. cumulative private cost vs
 * gross profit with the cost-balance month marked). Unlike the trend line, the series are not
 * private/public sides but any named quantities of one unit.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Locale, MetricUnit } from '@yugang/metrics';
import { ariaDescription } from './aria.js';
import { COLORS } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface MarkedLineSeries {
  name: string;
  values: readonly (number | null)[];
  color: string;
}

export interface MarkedLinesInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  categories: readonly string[];
  series: readonly MarkedLineSeries[];
  marks?: readonly { category: string; label: string }[];
}

export function markedLinesOption(input: MarkedLinesInput): EChartsOption {
  const { locale, unit } = input;
  const f = (v: number | null) => formatChartValue(v, unit, locale);
  const marks = (input.marks ?? []).filter((m) => input.categories.includes(m.category));
  const series: LineSeriesOption[] = input.series.map((s, i) => ({
    id: `s${i}`,
    name: s.name,
    type: 'line',
    data: [...s.values],
    itemStyle: { color: s.color },
    lineStyle: { color: s.color, width: 2 },
    showSymbol: input.categories.length <= 16,
    ...(i === 0 && marks.length > 0
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: COLORS.annotation, type: 'dashed' },
            label: { formatter: '{b}', position: 'insideEndTop', color: COLORS.annotation },
            data: marks.map((m) => ({ name: m.label, xAxis: m.category })),
          },
        }
      : {}),
  }));
  const zh = locale === 'zh-CN';
  const markText = marks
    .map((m) => (zh ? `标记 ${m.label}：${m.category}。` : `Mark ${m.label}: ${m.category}.`))
    .join(zh ? '' : ' ');
  return {
    aria: {
      enabled: true,
      label: {
        description: [
          ariaDescription({
            locale,
            title: input.title,
            unit,
            categories: input.categories,
            series: input.series.map((s) => ({ name: s.name, values: s.values })),
          }),
          markText,
        ]
          .filter(Boolean)
          .join(zh ? '' : ' '),
      },
    },
    animation: false,
    legend: { data: input.series.map((s) => s.name), top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => f(typeof v === 'number' ? v : null) },
    xAxis: { type: 'category', data: [...input.categories], boundaryGap: false },
    yAxis: {
      type: 'value',
      // counts are whole: no 0.5-customer ticks
      minInterval: unit === 'count' ? 1 : undefined,
      axisLabel: { formatter: (v: number) => formatChartValue(v, unit, locale, true) },
    },
    series,
  };
}
