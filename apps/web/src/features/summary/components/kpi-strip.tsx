/** Section-1 figures for a window: private large, its change against the comparison window, public beside. */
import { metricById, type Locale, type SECTION1_IDS } from '@yugang/metrics';
import { DeltaBadge } from '../../../components/ui/delta-badge';
import { ErrorState, Loading } from '../../../components/ui/status';
import { delta, formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import type { Comparison, DateWindow } from '@yugang/contract';
import { useSummary } from '../api/get-summary';
import { summaryMessages } from '../messages';

type Id = (typeof SECTION1_IDS)[number];

export function KpiStrip({
  ws,
  locale,
  window,
  against,
  comparison,
  metrics,
  label,
}: {
  ws: string;
  locale: Locale;
  window: DateWindow;
  against: DateWindow;
  comparison: Comparison;
  metrics: readonly Id[];
  label: string;
}) {
  const t = useMessages(summaryMessages);
  const current = useSummary(ws, window);
  const base = useSummary(ws, against);
  if (current.isPending || base.isPending) return <Loading />;
  if (current.isError)
    return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  if (base.isError) return <ErrorState error={base.error} onRetry={() => void base.refetch()} />;
  return (
    <ul className="kpi-strip" aria-label={label}>
      {metrics.map((id) => {
        const def = metricById(id);
        const now = current.data.metrics[id];
        const before = base.data.metrics[id];
        const change = delta(now?.private.value, before?.private.value, def.unit, locale);
        return (
          <li key={id} className="kpi" data-metric={id}>
            <span className="kpi__name">{def.name[locale]}</span>
            <span className="kpi__value">
              <span className="kpi__side">{t.privateLabel}</span>{' '}
              {formatFigure(now?.private.value, def.unit, locale, true)}
            </span>
            <DeltaBadge delta={change} label={comparison === 'previous' ? t.previous : t.yearAgo} />
            <span className="kpi__public">
              {t.publicLabel} {formatFigure(now?.public.value, def.unit, locale, true)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
