/**
 * Private vs public share as 100 % stacked horizontal bars (one bar per category, e.g. GMV,
 * buyers, orders). Inputs are the two parts in any unit; the bar shows each part's share.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { ariaDescription } from './aria.js';
import { COLORS, SIDE_LABELS, type Side } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface ShareRow {
  label: string;
  private: number | null;
  public: number | null;
}

export interface ShareBarInput {
  locale: Locale;
  title: string;
  rows: readonly ShareRow[];
}

/** Each side's share of the row's total, or null when the total is not positive. */
export function shareOf(row: ShareRow, side: Side): number | null {
  const a = row.private ?? 0;
  const b = row.public ?? 0;
  const total = a + b;
  if (row.private === null && row.public === null) return null;
  if (!(total > 0)) return null;
  return (side === 'private' ? a : b) / total;
}

export function shareBarOption(input: ShareBarInput): EChartsOption {
  const { locale } = input;
  const sides: Side[] = ['private', 'public'];
  const categories = input.rows.map((r) => r.label);
  const percent = (v: number | null) => formatChartValue(v, 'ratio', locale);
  const series: BarSeriesOption[] = sides.map((side) => ({
    id: side,
    name: SIDE_LABELS[locale][side],
    type: 'bar',
    stack: 'share',
    data: input.rows.map((r) => shareOf(r, side)),
    itemStyle: { color: COLORS[side] },
    label: {
      show: true,
      formatter: (p: { value?: unknown }) =>
        typeof p.value === 'number' && p.value >= 0.08 ? percent(p.value) : '',
    },
  }));
  return {
    aria: {
      enabled: true,
      label: {
        description: ariaDescription({
          locale,
          title: input.title,
          unit: 'ratio',
          categories,
          series: sides.map((side) => ({
            name: SIDE_LABELS[locale][side],
            values: input.rows.map((r) => shareOf(r, side)),
          })),
        }),
      },
    },
    animation: false,
    legend: { data: sides.map((s) => SIDE_LABELS[locale][s]), top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => percent(typeof v === 'number' ? v : null),
    },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => percent(v) } },
    yAxis: { type: 'category', data: categories, inverse: true },
    series,
  };
}
