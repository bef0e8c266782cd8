/**
 * The words and numbers the slides and the printed page share: figure values formatted by the
 * metrics formatter, deltas (percentage points for rates), the window, filters and freshness
 * line, in zh-CN and en.
 */
import type { ReviewFigure, ReviewResponse } from '@yugang/contract';
import { formatChartValue } from '@yugang/charts';
import { addDays, formatPercentPointDelta, MISSING, type Locale } from '@yugang/metrics';

export const valueText = (f: ReviewFigure, value: number | null | undefined, locale: Locale) =>
  formatChartValue(value ?? null, f.measure === 'share' ? 'ratio' : f.unit, locale);

/** Change against a comparison value: percentage points for rates and shares, else a percent. */
export function deltaText(
  f: ReviewFigure,
  base: number | null | undefined,
  locale: Locale,
): string {
  const now = f.current.value;
  if (now === null || base === null || base === undefined) return MISSING;
  if (f.unit === 'ratio' || f.measure === 'share')
    return formatPercentPointDelta(now - base, locale);
  if (base === 0) return MISSING;
  const change = (now - base) / Math.abs(base);
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '';
  return `${arrow}${formatChartValue(change, 'ratio', locale)}`;
}

export function goalText(f: ReviewFigure, locale: Locale): string {
  if (!f.goal) return MISSING;
  const target = `${f.goal.comparator === '<=' ? '≤' : f.goal.comparator === '>=' ? '≥' : '='} ${valueText(f, f.goal.target, locale)}`;
  const progress =
    f.goal.progress === null ? '' : ` (${formatChartValue(f.goal.progress, 'ratio', locale)})`;
  const ceiling =
    f.goal.source === 'ceiling' ? (locale === 'zh-CN' ? '（3 × 获客成本）' : ' (3 × CAC)') : '';
  return `${target}${progress}${ceiling}`;
}

const lastDay = (w: { to: string }) => addDays(w.to, -1);

export function windowText(r: ReviewResponse, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${r.week}（${r.window.from} 至 ${lastDay(r.window)}，${r.timeZone}）`
    : `${r.week} (${r.window.from} to ${lastDay(r.window)}, ${r.timeZone})`;
}

/** The line at the foot of every slide and page: window, filters, freshness. */
export function footerText(r: ReviewResponse, locale: Locale): string {
  const latest = r.freshness.latestDataDay ?? MISSING;
  const imports = r.freshness.imports
    .map((i) => `${i.kind} ${i.finishedAt.slice(0, 16).replace('T', ' ')}Z`)
    .join(', ');
  return locale === 'zh-CN'
    ? `窗口 ${windowText(r, locale)} · 筛选：全部渠道、全部客户 · 数据截至 ${latest}${imports ? ` · 最近导入：${imports}` : ''}`
    : `Window ${windowText(r, locale)} · Filters: all channels, all customers · Data up to ${latest}${imports ? ` · Last imports: ${imports}` : ''}`;
}
