/**
 * The retention triangle as a heat map: one row per cohort month, one column per month offset k,
 * each cell the share of the cohort with an order in month cohort + k. Cells the cohort has not
 * reached yet are absent (the triangle), not zero.
 */
import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { COLORS } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface RetentionRow {
  cohort: string;
  size: number;
  /** cells[k]: share retained in month cohort + k; null where the share is undefined. */
  cells: readonly (number | null)[];
}

export interface RetentionHeatmapInput {
  locale: Locale;
  title: string;
  rows: readonly RetentionRow[];
  /** Write the share in each cell (default true; off on narrow screens, where they overlap). */
  cellLabels?: boolean;
}

/** [k, row index, value] triples for every reached cell (value null shows as "no data"). */
export function retentionCells(rows: readonly RetentionRow[]): [number, number, number | null][] {
  const out: [number, number, number | null][] = [];
  rows.forEach((row, r) => row.cells.forEach((v, k) => out.push([k, r, v])));
  return out;
}

function retentionAria(input: RetentionHeatmapInput): string {
  const zh = input.locale === 'zh-CN';
  const f = (v: number | null) => formatChartValue(v, 'ratio', input.locale);
  const n = input.rows.length;
  const head = zh
    ? `热力图：${input.title}，${n} 个同期群。`
    : `Heat map: ${input.title}, ${n} cohorts.`;
  const month1 = input.rows.filter((r) => typeof r.cells[1] === 'number');
  if (month1.length === 0) return head;
  const best = month1.reduce((a, b) => ((b.cells[1] as number) > (a.cells[1] as number) ? b : a));
  const worst = month1.reduce((a, b) => ((b.cells[1] as number) < (a.cells[1] as number) ? b : a));
  return zh
    ? `${head}次月留存最高 ${f(best.cells[1]!)}（${best.cohort}），最低 ${f(worst.cells[1]!)}（${worst.cohort}）。`
    : `${head} Month-1 retention highest ${f(best.cells[1]!)} (${best.cohort}), lowest ${f(worst.cells[1]!)} (${worst.cohort}).`;
}

export function retentionHeatmapOption(input: RetentionHeatmapInput): EChartsOption {
  const { locale } = input;
  const maxK = Math.max(0, ...input.rows.map((r) => r.cells.length - 1));
  const data = retentionCells(input.rows);
  // Month 0 is 100 % by definition for first-order cohorts; the scale is set by the later months.
  const later = data.filter(([k, , v]) => k > 0 && typeof v === 'number').map(([, , v]) => v!);
  const top = later.length > 0 ? Math.max(...later) : 1;
  const percent = (v: number | null) => formatChartValue(v, 'ratio', locale);
  const series: HeatmapSeriesOption = {
    id: 'retention',
    name: input.title,
    type: 'heatmap',
    data,
    label: {
      show: (input.cellLabels ?? true) && input.rows.length <= 18 && maxK <= 14,
      fontSize: 10,
      formatter: (p: { value?: unknown }) => {
        const v = Array.isArray(p.value) ? (p.value[2] as number | null) : null;
        return typeof v === 'number'
          ? formatChartValue(v, 'ratio', locale).replace('.0%', '%')
          : '';
      },
    },
    emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
  };
  return {
    aria: { enabled: true, label: { description: retentionAria(input) } },
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const value = (p as { value: [number, number, number | null] }).value;
        const row = input.rows[value[1]];
        if (!row) return '';
        return locale === 'zh-CN'
          ? `${row.cohort}（${row.size} 人）第 ${value[0]} 月：${percent(value[2])}`
          : `${row.cohort} (${row.size}) month ${value[0]}: ${percent(value[2])}`;
      },
    },
    xAxis: {
      type: 'category',
      name: locale === 'zh-CN' ? '月' : 'month',
      data: Array.from({ length: maxK + 1 }, (_, k) => String(k)),
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: input.rows.map((r) => r.cohort),
      inverse: true,
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max: top,
      calculable: false,
      text: [percent(top), percent(0)],
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f0f6ff', COLORS.private] },
      formatter: (v: unknown) => percent(typeof v === 'number' ? v : null),
    },
    series: [series],
  };
}
