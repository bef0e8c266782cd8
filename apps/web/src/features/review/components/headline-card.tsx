/** One headline figure: this week, 环比, 同比, goal and progress, a sparkline and its evidence. */
import { useMemo } from 'react';
import type { ReviewFigure, ReviewResponse } from '@yugang/contract';
import { sparklineOption } from '@yugang/charts';
import type { Locale } from '@yugang/metrics';
import { EChart } from '../../../components/charts/echart';
import { DeltaBadge } from '../../../components/ui/delta-badge';
import { useMessages } from '../../../lib/i18n';
import { figureView } from '../figure-view';
import { reviewMessages } from '../messages';
import { EvidenceDetails } from './evidence-details';

export function HeadlineCard({
  figure,
  review,
  locale,
  evidence = true,
}: {
  figure: ReviewFigure;
  review: ReviewResponse;
  locale: Locale;
  evidence?: boolean;
}) {
  const t = useMessages(reviewMessages);
  const view = figureView(figure, locale);
  const option = useMemo(
    () =>
      sparklineOption({
        locale,
        title: t.sparkline(view.title),
        unit: view.unit,
        periods: figure.series.map((p) => p.period),
        values: figure.series.map((p) => p.value),
      }),
    [figure.series, locale, t, view.title, view.unit],
  );
  const description =
    (option.aria as { label?: { description?: string } } | undefined)?.label?.description ??
    view.title;
  return (
    <article className="headline" data-figure={figure.key}>
      <h3 className="headline__title">{view.title}</h3>
      <p
        className="headline__value"
        data-testid={`value-${figure.key}`}
        data-value={figure.current.value ?? ''}
      >
        {view.value}
      </p>
      <p className="headline__deltas">
        <DeltaBadge delta={view.previous} label={t.previous} />
        <DeltaBadge delta={view.yearAgo} label={t.yearAgo} />
      </p>
      {view.goal ? (
        <div className={`goal goal--${view.goal.status ?? 'none'}`}>
          <span>
            <span aria-hidden="true">
              {view.goal.status === 'met' ? '✓ ' : view.goal.status === 'missed' ? '✗ ' : ''}
            </span>
            {view.goal.text}
          </span>
          {view.goal.progress !== null ? (
            <progress max={1} value={Math.min(1, Math.max(0, view.goal.progress))}>
              {view.goal.text}
            </progress>
          ) : null}
        </div>
      ) : null}
      {figure.series.length > 1 ? (
        <EChart
          option={option}
          description={description}
          height={evidence ? 44 : 140}
          className="sparkline"
        />
      ) : null}
      {evidence ? <EvidenceDetails figure={figure} review={review} locale={locale} /> : null}
    </article>
  );
}
