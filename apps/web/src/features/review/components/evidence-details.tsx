/** "How is this computed": the catalog's definition and formula, the numbers that made the figure, its window, filters and freshness. */
import type { ReviewFigure, ReviewResponse } from '@yugang/contract';
import { addDays, formatNumber, metricById, type Locale } from '@yugang/metrics';
import { useMessages } from '../../../lib/i18n';
import { reviewMessages } from '../messages';

export function EvidenceDetails({
  figure,
  review,
  locale,
}: {
  figure: ReviewFigure;
  review: ReviewResponse;
  locale: Locale;
}) {
  const t = useMessages(reviewMessages);
  const def = metricById(figure.metric);
  const plain = (x: number) => formatNumber(x, locale, { digits: 2 });
  return (
    <details className="evidence">
      <summary>{t.howComputed}</summary>
      <dl>
        <dt>{t.definition}</dt>
        <dd>{def.definition[locale]}</dd>
        <dt>{t.formula}</dt>
        <dd>{def.formula[locale]}</dd>
        <dt>{t.numerator}</dt>
        <dd data-testid="numerator">{plain(figure.current.numerator)}</dd>
        <dt>{t.denominator}</dt>
        <dd data-testid="denominator">{plain(figure.current.denominator)}</dd>
        <dt>{t.window}</dt>
        <dd>{t.windowText(figure.window.from, addDays(figure.window.to, -1))}</dd>
        <dt>{t.filters}</dt>
        <dd>{t.filtersText(review.filters.segment, review.filters.channels)}</dd>
        <dt>{t.dataFreshness}</dt>
        <dd>
          {review.freshness.latestDataDay ? t.latestDay(review.freshness.latestDataDay) : t.noData}
          {review.freshness.imports.map((i) => (
            <span key={i.kind} className="block">
              {t.lastImport(i.kind, i.finishedAt.slice(0, 16).replace('T', ' '))}
            </span>
          ))}
        </dd>
        {figure.current.reason ? (
          <>
            <dt>{t.reason}</dt>
            <dd>{figure.current.reason}</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
