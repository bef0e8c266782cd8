/**
 * Our own screen-reader text for a chart. ECharts' automatic aria description reads category
 * labels and series in an order that garbles weeks and months, so each builder passes this text
 * as `aria.label.description` instead.
 */
import type { Locale, MetricUnit } from '@yugang/metrics';
import { formatChartValue } from './value-format.js';

export interface AriaSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface AriaInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  /** Category labels (periods or bars), in order. */
  categories: readonly string[];
  series: readonly AriaSeries[];
  /** Goal lines, already labelled. */
  goals?: readonly { label: string; value: number }[];
  /** Markers on a category (an event the team noted). */
  annotations?: readonly { period: string; text: string }[];
  /** Set when the last category is a period that has not ended yet. */
  unfinishedLast?: boolean;
}

function seriesSentence(input: AriaInput, s: AriaSeries): string {
  const { locale, unit, categories } = input;
  const points = s.values
    .map((v, i) => ({ v, label: categories[i] ?? '' }))
    .filter((p): p is { v: number; label: string } => typeof p.v === 'number');
  const zh = locale === 'zh-CN';
  if (points.length === 0) return zh ? `${s.name}：无数据` : `${s.name}: no data`;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const max = points.reduce((a, b) => (b.v > a.v ? b : a));
  const min = points.reduce((a, b) => (b.v < a.v ? b : a));
  const f = (v: number) => formatChartValue(v, unit, locale);
  if (points.length === 1) {
    return zh
      ? `${s.name}：${first.label} 为 ${f(first.v)}`
      : `${s.name}: ${f(first.v)} in ${first.label}`;
  }
  return zh
    ? `${s.name}：从 ${first.label} 的 ${f(first.v)} 到 ${last.label} 的 ${f(last.v)}，最高 ${f(max.v)}（${max.label}），最低 ${f(min.v)}（${min.label}）`
    : `${s.name}: from ${f(first.v)} in ${first.label} to ${f(last.v)} in ${last.label}, highest ${f(max.v)} (${max.label}), lowest ${f(min.v)} (${min.label})`;
}

/** One paragraph: what the chart shows, each series' first, last, highest and lowest value. */
export function ariaDescription(input: AriaInput): string {
  const { locale, title, categories } = input;
  const zh = locale === 'zh-CN';
  const n = categories.length;
  const span =
    n === 0
      ? ''
      : zh
        ? `，${categories[0]} 至 ${categories[n - 1]}，共 ${n} 个点`
        : `, ${categories[0]} to ${categories[n - 1]}, ${n} points`;
  const parts = [zh ? `图表：${title}${span}。` : `Chart: ${title}${span}.`];
  for (const s of input.series) parts.push(seriesSentence(input, s) + (zh ? '。' : '.'));
  for (const g of input.goals ?? []) {
    const v = formatChartValue(g.value, input.unit, locale);
    parts.push(zh ? `目标线 ${g.label}：${v}。` : `Goal line ${g.label}: ${v}.`);
  }
  for (const a of input.annotations ?? []) {
    parts.push(zh ? `标注 ${a.period}：${a.text}。` : `Annotation ${a.period}: ${a.text}.`);
  }
  if (input.unfinishedLast && n > 0) {
    parts.push(
      zh
        ? `${categories[n - 1]} 尚未结束，以虚线表示。`
        : `${categories[n - 1]} has not ended yet and is drawn dashed.`,
    );
  }
  return parts.join(zh ? '' : ' ');
}
