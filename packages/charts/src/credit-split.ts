/**
 * Credited GMV per period as stacked columns: first orders and repurchases, each split into the
 * private and public teams' credit (团队业绩 broken down). Private in the private colour, public
 * in grey; first orders lighter than repurchases.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { ariaDescription } from './aria.js';
import { COLORS } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface CreditSplitRow {
  /** Category label: '2026-05' or a Monday. */
  period: string;
  firstPrivate: number;
  firstPublic: number;
  repeatPrivate: number;
  repeatPublic: number;
}

export interface CreditSplitInput {
  locale: Locale;
  title: string;
  /** Yuan. */
  rows: readonly CreditSplitRow[];
  /** Notes on periods, drawn as a dotted line at their column (as on the trend line). */
  annotations?: readonly { period: string; text: string }[];
}

export type CreditSplitPart = keyof Omit<CreditSplitRow, 'period'>;

export const CREDIT_SPLIT_PARTS: readonly CreditSplitPart[] = [
  'repeatPrivate',
  'firstPrivate',
  'repeatPublic',
  'firstPublic',
];

export const CREDIT_SPLIT_LABELS: Record<Locale, Record<CreditSplitPart, string>> = {
  'zh-CN': {
    repeatPrivate: '复购 · 私域',
    firstPrivate: '首单 · 私域',
    repeatPublic: '复购 · 公域',
    firstPublic: '首单 · 公域',
  },
  en: {
    repeatPrivate: 'Repurchase · private',
    firstPrivate: 'First order · private',
    repeatPublic: 'Repurchase · public',
    firstPublic: 'First order · public',
  },
};

const PART_COLORS: Record<CreditSplitPart, string> = {
  repeatPrivate: COLORS.private,
  firstPrivate: '#79b8ff',
  repeatPublic: COLORS.public,
  firstPublic: '#d0d7de',
};

export function creditSplitOption(input: CreditSplitInput): EChartsOption {
  const { locale } = input;
  const labels = CREDIT_SPLIT_LABELS[locale];
  const categories = input.rows.map((r) => r.period);
  const annotations = (input.annotations ?? []).filter((a) => categories.includes(a.period));
  const series: BarSeriesOption[] = CREDIT_SPLIT_PARTS.map((part, i) => ({
    id: part,
    name: labels[part],
    type: 'bar',
    stack: part.endsWith('Private') ? 'private' : 'public',
    data: input.rows.map((r) => r[part]),
    itemStyle: { color: PART_COLORS[part] },
    ...(i === 0 && annotations.length > 0
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            data: annotations.map((a) => ({
              xAxis: a.period,
              lineStyle: { color: COLORS.annotation, type: 'dotted' as const, width: 1 },
              label: { formatter: a.text, position: 'insideEndTop' as const },
            })),
          },
        }
      : {}),
  }));
  return {
    aria: {
      enabled: true,
      label: {
        description: ariaDescription({
          locale,
          title: input.title,
          unit: 'money',
          categories,
          series: CREDIT_SPLIT_PARTS.map((part) => ({
            name: labels[part],
            values: input.rows.map((r) => r[part]),
          })),
          annotations,
        }),
      },
    },
    animation: false,
    legend: { data: CREDIT_SPLIT_PARTS.map((p) => labels[p]), top: 0 },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => formatChartValue(typeof v === 'number' ? v : null, 'money', locale),
    },
    xAxis: { type: 'category', data: categories },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatChartValue(v, 'money', locale, true) },
    },
    series,
  };
}
