/**
 * One account's red lines: daily active adds, passive adds and mass sends, each in its own panel
 * (their scales differ: 30 passive adds vs 1 mass send) with its limit drawn as a red line and
 * the days that crossed it marked.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { ariaDescription } from './aria.js';
import { COLORS } from './palette.js';

export type RedLineMeasure = 'activeAdds' | 'passiveAdds' | 'massSends';
export const RED_LINE_MEASURES: readonly RedLineMeasure[] = [
  'activeAdds',
  'passiveAdds',
  'massSends',
];

export const RED_LINE_LABELS: Record<Locale, Record<RedLineMeasure, string> & { limit: string }> = {
  'zh-CN': {
    activeAdds: '主动加人',
    passiveAdds: '被动加人',
    massSends: '群发次数',
    limit: '红线',
  },
  en: {
    activeAdds: 'Active adds',
    passiveAdds: 'Passive adds',
    massSends: 'Mass sends',
    limit: 'Limit',
  },
};

const RED = '#cf222e';

export interface RedLinesInput {
  locale: Locale;
  title: string;
  /** Every day of the window; a day without data is null in the values. */
  dates: readonly string[];
  values: Record<RedLineMeasure, readonly (number | null)[]>;
  limits: Record<RedLineMeasure, number>;
}

export function redLinesOption(input: RedLinesInput): EChartsOption {
  const { locale } = input;
  const labels = RED_LINE_LABELS[locale];
  const panel = 100 / RED_LINE_MEASURES.length;
  const grid = RED_LINE_MEASURES.map((_, i) => ({
    left: 8,
    right: 48,
    top: `${i * panel + 6}%`,
    height: `${panel - 12}%`,
    containLabel: true,
  }));
  const xAxis = RED_LINE_MEASURES.map((_, i) => ({
    type: 'category' as const,
    gridIndex: i,
    data: [...input.dates],
    axisLabel: { show: i === RED_LINE_MEASURES.length - 1 },
  }));
  const yAxis = RED_LINE_MEASURES.map((m, i) => ({
    type: 'value' as const,
    gridIndex: i,
    name: labels[m],
    min: 0,
    // The limit always in view, even on quiet days.
    max: (extent: { max: number }) => Math.max(extent.max, input.limits[m] * 1.2),
    minInterval: 1,
  }));
  const series: LineSeriesOption[] = RED_LINE_MEASURES.map((m, i) => {
    const limit = input.limits[m];
    return {
      id: m,
      name: labels[m],
      type: 'line',
      xAxisIndex: i,
      yAxisIndex: i,
      data: input.values[m].map((v) =>
        v !== null && v > limit ? { value: v, itemStyle: { color: RED } } : v,
      ),
      itemStyle: { color: COLORS.private },
      lineStyle: { color: COLORS.private, width: 2 },
      showSymbol: true,
      connectNulls: false,
      markLine: {
        symbol: 'none',
        silent: true,
        data: [
          {
            name: `${labels.limit} ${limit}`,
            yAxis: limit,
            lineStyle: { color: RED, type: 'dashed', width: 1.5 },
            label: { formatter: `${labels.limit} ${limit}`, position: 'insideEndTop' },
          },
        ],
      },
    };
  });
  return {
    aria: {
      enabled: true,
      label: {
        description: ariaDescription({
          locale,
          title: input.title,
          unit: 'count',
          categories: input.dates,
          series: RED_LINE_MEASURES.map((m) => ({ name: labels[m], values: input.values[m] })),
          goals: RED_LINE_MEASURES.map((m) => ({
            label: `${labels[m]} ${labels.limit}`,
            value: input.limits[m],
          })),
        }),
      },
    },
    animation: false,
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid,
    xAxis,
    yAxis,
    series,
  };
}
