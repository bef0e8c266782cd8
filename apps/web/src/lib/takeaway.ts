/**
 * The one line above a trend chart that says what it shows: the latest finished period's private
 * value, its change against the period before (环比) or a year before (同比), and public beside
 * it. Pure, so it is tested with literal rows.
 */
import type { Locale, MetricUnit } from '@yugang/metrics';
import { delta } from './format';
import { formatFigure } from './format';
import type { Comparison } from '@yugang/contract';

export interface TakeawayRow {
  period: string;
  private: number | null;
  public?: number | null;
}

export interface TakeawayInput {
  locale: Locale;
  title: string;
  unit: MetricUnit;
  /** Oldest first; may reach further back than the chart shows (for 同比). */
  rows: readonly TakeawayRow[];
  /** The last row is a period that has not ended: the takeaway speaks of the one before. */
  unfinishedLast: boolean;
  comparison: Comparison;
  /** Periods per year at this grain (12 for months, 52 for weeks). */
  periodsPerYear: number;
}

export function takeaway(input: TakeawayInput): string | null {
  const { locale, unit, rows } = input;
  const zh = locale === 'zh-CN';
  const index = rows.length - 1 - (input.unfinishedLast ? 1 : 0);
  const row = rows[index];
  if (!row || typeof row.private !== 'number') return null;
  const back = input.comparison === 'previous' ? 1 : input.periodsPerYear;
  const base = rows[index - back];
  const change = delta(row.private, base?.private, unit, locale);
  const label =
    input.comparison === 'previous' ? (zh ? '环比' : 'vs previous') : zh ? '同比' : 'vs a year ago';
  const value = formatFigure(row.private, unit, locale, true);
  const pub = typeof row.public === 'number' ? formatFigure(row.public, unit, locale, true) : null;
  if (zh) {
    const parts = [`${row.period} 私域${input.title} ${value}`];
    parts.push(change ? `${label} ${change.text}` : `${label}无可比数据`);
    const head = parts.join('，');
    return pub ? `${head}；公域 ${pub}。` : `${head}。`;
  }
  // 'Buyers' → 'buyers' after 'Private'; acronyms ('GMV', 'AOV') keep their case
  const title = /^[A-Z][a-z]/.test(input.title)
    ? input.title[0]!.toLowerCase() + input.title.slice(1)
    : input.title;
  const head = `Private ${title} ${value} in ${row.period}, ${
    change ? `${change.text} ${label}` : `no figure ${label}`
  }`;
  return pub ? `${head}; public ${pub}.` : `${head}.`;
}
