/**
 * The review's charts as ECharts options, built by the @yugang/charts builders from the review
 * answer: one trend per figure (`<figure key>`, with its public counterpart when the review has
 * one) and `share` (private vs public share bars). The PNG endpoint and the slides use these.
 */
import type { ReviewFigure, ReviewResponse } from '@yugang/contract';
import { shareBarOption, trendLineOption, type TrendGoal } from '@yugang/charts';
import { metricById, type Locale } from '@yugang/metrics';
import type { EChartsOption } from 'echarts';
import { AppError } from '../../errors/app-error.js';

export const allFigures = (r: ReviewResponse): ReviewFigure[] =>
  r.sections.flatMap((s) => s.figures);

const SEGMENT = {
  'zh-CN': { private: '私域', public: '公域', all: '全部' },
  en: { private: 'private', public: 'public', all: 'all' },
} as const;

/** '私域 复购率' / 'Repeat-purchase rate (private)'; shares say so. */
export function figureLabel(f: ReviewFigure, locale: Locale): string {
  const name = metricById(f.metric).name[locale];
  const seg = SEGMENT[locale][f.segment];
  if (f.measure === 'share')
    return locale === 'zh-CN' ? `${seg}${name}占比` : `${name} (${seg} share)`;
  return locale === 'zh-CN' ? `${seg} ${name}` : `${name} (${seg})`;
}

/** The figure's public counterpart (purchase_frequency_private → purchase_frequency_public). */
export function counterpart(r: ReviewResponse, f: ReviewFigure): ReviewFigure | undefined {
  if (!f.key.endsWith('_private')) return undefined;
  const key = f.key.replace(/_private$/, '_public');
  return allFigures(r).find((x) => x.key === key);
}

export function trendOf(r: ReviewResponse, f: ReviewFigure, locale: Locale): EChartsOption {
  const other = counterpart(r, f);
  const goals: TrendGoal[] = f.goal
    ? [{ value: f.goal.target, label: locale === 'zh-CN' ? '目标' : 'Goal' }]
    : [];
  return trendLineOption({
    locale,
    title: figureLabel(f, locale),
    unit: f.measure === 'share' ? 'ratio' : f.unit,
    rows: f.series.map((p, i) => ({
      period: p.period,
      private: p.value,
      ...(other ? { public: other.series[i]?.value ?? null } : {}),
    })),
    showPublic: Boolean(other),
    goals,
  });
}

export function shareOf(r: ReviewResponse, locale: Locale): EChartsOption {
  const byKey = new Map(allFigures(r).map((f) => [f.key, f]));
  const share = byKey.get('credited_gmv_private_share');
  const rows = share
    ? [
        {
          label: locale === 'zh-CN' ? '归属 GMV' : 'Credited GMV',
          private: share.current.numerator,
          public: share.current.denominator - share.current.numerator,
        },
      ]
    : [];
  return shareBarOption({ locale, title: locale === 'zh-CN' ? '私域占比' : 'Private share', rows });
}

/** The chart called `name` (without .png), or 404. */
export function reviewChart(r: ReviewResponse, name: string, locale: Locale): EChartsOption {
  if (name === 'share') return shareOf(r, locale);
  const f = allFigures(r).find((x) => x.key === name.replace(/-/g, '_'));
  if (!f) {
    const names = ['share', ...allFigures(r).map((x) => x.key)].join(', ');
    throw new AppError(404, 'not_found', `no review chart ${name}; charts: ${names}`);
  }
  return trendOf(r, f, locale);
}
