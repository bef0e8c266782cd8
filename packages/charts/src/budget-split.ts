/**
 * The private budget split against the 60/20/20 rule: per purpose, the actual share beside the
 * rule's target as horizontal bars, so the gap reads at a glance.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { COLORS } from './palette.js';
import { formatChartValue } from './value-format.js';

export interface BudgetShareRow {
  label: string;
  share: number | null;
  target: number;
}

export interface BudgetSplitInput {
  locale: Locale;
  title: string;
  rows: readonly BudgetShareRow[];
  actualName: string;
  targetName: string;
}

export function budgetSplitOption(input: BudgetSplitInput): EChartsOption {
  const { locale } = input;
  const pct = (v: number | null) => formatChartValue(v, 'ratio', locale);
  const label = {
    show: true,
    position: 'right' as const,
    formatter: (p: { value?: unknown }) => pct(typeof p.value === 'number' ? p.value : null),
  };
  const series: BarSeriesOption[] = [
    {
      id: 'actual',
      name: input.actualName,
      type: 'bar',
      data: input.rows.map((r) => r.share),
      itemStyle: { color: COLORS.private },
      label,
    },
    {
      id: 'target',
      name: input.targetName,
      type: 'bar',
      data: input.rows.map((r) => r.target),
      itemStyle: { color: COLORS.goal },
      label,
    },
  ];
  const zh = locale === 'zh-CN';
  const parts = input.rows.map((r) =>
    zh
      ? `${r.label}：实际 ${pct(r.share)}，规则 ${pct(r.target)}`
      : `${r.label}: actual ${pct(r.share)}, rule ${pct(r.target)}`,
  );
  const top = Math.max(1, ...input.rows.map((r) => r.share ?? 0));
  return {
    aria: {
      enabled: true,
      label: {
        description: zh
          ? `图表：${input.title}。${parts.join('；')}。`
          : `Chart: ${input.title}. ${parts.join('; ')}.`,
      },
    },
    animation: false,
    legend: { data: [input.actualName, input.targetName], top: 0 },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => pct(typeof v === 'number' ? v : null),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: top,
      // on a phone the percent labels would run into each other
      axisLabel: { formatter: (v: number) => pct(v), hideOverlap: true },
    },
    yAxis: { type: 'category', data: input.rows.map((r) => r.label), inverse: true },
    series,
  };
}
