/**
 * Public vs private lines over weeks or months, with goal lines and bands, annotations and the
 * unfinished last period drawn dashed. Each side is two series under one name (so the legend
 * toggles both): a solid one up to the last finished period and a dashed one joining it to the
 * unfinished period.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Locale, MetricUnit } from '@yugang/metrics';
import { ariaDescription } from './aria.js';
import { COLORS, SIDE_LABELS, type Side } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface TrendRow {
  /** Category label: '2026-W05', '2026-05', or a label the caller formatted. */
  period: string;
  private: number | null;
  public?: number | null;
}

/** A goal line (`value`) or band (`from`–`to`), in the chart's unit. */
export type TrendGoal = { label?: string } & (
  | { value: number; from?: undefined; to?: undefined }
  | { value?: undefined; from: number; to: number }
);

export interface TrendAnnotation {
  period: string;
  text: string;
}

export interface TrendLineInput {
  locale: Locale;
  title: string;
  /** Catalog unit; money values are yuan as in the API's JSON. */
  unit: MetricUnit;
  rows: readonly TrendRow[];
  /** Draw the public line too (default: when any row has a public value). */
  showPublic?: boolean;
  goals?: readonly TrendGoal[];
  annotations?: readonly TrendAnnotation[];
  /** The last row is a period that has not ended (this week, this month). */
  unfinishedLast?: boolean;
}

function sideSeries(input: TrendLineInput, side: Side): LineSeriesOption[] {
  const name = SIDE_LABELS[input.locale][side];
  const values = input.rows.map((r) => r[side] ?? null);
  const color = COLORS[side];
  const n = values.length;
  const dashedTail = Boolean(input.unfinishedLast) && n >= 2;
  const solid: LineSeriesOption = {
    id: `${side}`,
    name,
    type: 'line',
    data: dashedTail ? values.map((v, i) => (i < n - 1 ? v : null)) : values,
    itemStyle: { color },
    lineStyle: { color, width: 2, type: 'solid' },
    showSymbol: n <= 16,
    connectNulls: false,
  };
  if (!dashedTail) return [solid];
  const tail: LineSeriesOption = {
    id: `${side}-unfinished`,
    name,
    type: 'line',
    data: values.map((v, i) => (i >= n - 2 ? v : null)),
    itemStyle: { color },
    lineStyle: { color, width: 2, type: 'dashed' },
    showSymbol: n <= 16,
    connectNulls: false,
    tooltip: { show: false },
  };
  return [solid, tail];
}

/**
 * Where goal lines put their label: at the end (right) unless an annotation stands nearer that
 * edge than the start, where its vertical label would run over the goal's.
 */
function goalLabelPosition(input: TrendLineInput): 'insideEndTop' | 'insideStartTop' {
  const periods = input.rows.map((r) => r.period);
  const at = (input.annotations ?? []).map((a) => periods.indexOf(a.period)).filter((i) => i >= 0);
  if (at.length === 0) return 'insideEndTop';
  const fromStart = Math.min(...at);
  const fromEnd = periods.length - 1 - Math.max(...at);
  return fromEnd < fromStart ? 'insideStartTop' : 'insideEndTop';
}

/**
 * Where a marker puts its vertical label: at the top, unless the highest goal line sits in the
 * upper half of the value axis, where a narrow chart's goal label can still reach the marker
 * from either edge; then at the bottom, by the category axis.
 */
function annotationLabelPosition(input: TrendLineInput): 'insideEndTop' | 'insideStartTop' {
  const goalTop = Math.max(
    ...(input.goals ?? []).flatMap((g) => (g.value !== undefined ? [g.value] : [])),
  );
  if (!(goalTop > 0)) return 'insideEndTop';
  const dataTop = Math.max(
    ...input.rows.flatMap((r) => [r.private ?? -Infinity, r.public ?? -Infinity]),
  );
  const axisTop = axisMax(input) ?? (dataTop > 0 ? niceCeil(dataTop) : goalTop);
  return goalTop / axisTop >= 0.5 ? 'insideStartTop' : 'insideEndTop';
}

function goalMarks(input: TrendLineInput): Pick<LineSeriesOption, 'markLine' | 'markArea'> {
  const goals = input.goals ?? [];
  const goalLabelAt = goalLabelPosition(input);
  const annotationLabelAt = annotationLabelPosition(input);
  const lines = goals.filter((g) => g.value !== undefined);
  const bands = goals.filter((g) => g.from !== undefined);
  const annotations = input.annotations ?? [];
  const fmt = (v: number) => formatChartValue(v, input.unit, input.locale, true);
  const marks: Pick<LineSeriesOption, 'markLine' | 'markArea'> = {};
  if (lines.length > 0 || annotations.length > 0) {
    marks.markLine = {
      symbol: 'none',
      silent: false,
      data: [
        ...lines.map((g) => ({
          name: g.label ?? '',
          yAxis: g.value!,
          lineStyle: { color: COLORS.goal, type: 'dashed' as const, width: 1.5 },
          label: {
            formatter: `${g.label ? `${g.label} ` : ''}${fmt(g.value!)}`,
            position: goalLabelAt,
          },
        })),
        ...annotations.map((a) => ({
          name: a.text,
          xAxis: a.period,
          lineStyle: { color: COLORS.annotation, type: 'dotted' as const, width: 1 },
          label: { formatter: a.text, position: annotationLabelAt },
        })),
      ],
    };
  }
  if (bands.length > 0) {
    marks.markArea = {
      silent: true,
      itemStyle: { color: COLORS.band },
      data: bands.map((g) => [
        { name: g.label ?? '', yAxis: Math.min(g.from!, g.to!) },
        { yAxis: Math.max(g.from!, g.to!) },
      ]),
    };
  }
  return marks;
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value` (> 0): a round top for the value axis. */
export function niceCeil(value: number): number {
  const step = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 2.5, 5, 10].find((m) => m * step >= value * (1 - 1e-9))!;
  return nice * step;
}

/**
 * A goal above every value would sit outside the axis ECharts picks from the data, and its line
 * would not be drawn: the axis then reaches a round number above the highest goal.
 */
function axisMax(input: TrendLineInput): number | undefined {
  const goalTop = Math.max(
    ...(input.goals ?? []).map((g) => (g.value !== undefined ? g.value : Math.max(g.from, g.to))),
  );
  const dataTop = Math.max(
    ...input.rows.flatMap((r) => [r.private ?? -Infinity, r.public ?? -Infinity]),
  );
  return goalTop > 0 && goalTop > dataTop ? niceCeil(goalTop * 1.05) : undefined;
}

export function trendLineOption(input: TrendLineInput): EChartsOption {
  const { locale, unit } = input;
  const showPublic = input.showPublic ?? input.rows.some((r) => typeof r.public === 'number');
  const sides: Side[] = showPublic ? ['private', 'public'] : ['private'];
  const series = sides.flatMap((side) => sideSeries(input, side));
  Object.assign(series[0]!, goalMarks(input));
  const categories = input.rows.map((r) => r.period);
  const max = axisMax(input);
  const goalLabels = (input.goals ?? [])
    .filter((g) => g.value !== undefined)
    .map((g) => ({ label: g.label ?? '', value: g.value! }));
  return {
    aria: {
      enabled: true,
      label: {
        description: ariaDescription({
          locale,
          title: input.title,
          unit,
          categories,
          series: sides.map((side) => ({
            name: SIDE_LABELS[locale][side],
            values: input.rows.map((r) => r[side] ?? null),
          })),
          goals: goalLabels,
          annotations: input.annotations,
          unfinishedLast: input.unfinishedLast,
        }),
      },
    },
    animation: false,
    legend: { show: showPublic, data: sides.map((s) => SIDE_LABELS[locale][s]), top: 0 },
    grid: { left: 8, right: 32, top: showPublic ? 32 : 12, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => formatChartValue(typeof v === 'number' ? v : null, unit, locale),
    },
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatChartValue(v, unit, locale, true) },
      ...(unit === 'ratio' ? { min: 0 } : {}),
      ...(max !== undefined ? { max } : {}),
    },
    series,
  };
}
