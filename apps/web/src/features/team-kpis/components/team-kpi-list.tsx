/** Team KPIs for a window: guide rate vs its target, 48 h response rate, median reply, conversions. */
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import type { ResponseOf, teamKpisContract } from '@yugang/contract';
import { useMessages } from '../../../lib/i18n';
import { teamKpisMessages } from '../messages';

type TeamKpis = ResponseOf<typeof teamKpisContract.get>;

export function TeamKpiList({ kpis, locale }: { kpis: TeamKpis; locale: Locale }) {
  const t = useMessages(teamKpisMessages);
  const n = (x: number) => formatNumber(x, locale);
  const g = kpis.guideRate;
  const conversions = [
    [t.firstOrder, kpis.firstOrderConversion],
    [t.repurchase, kpis.repurchaseConversion],
  ] as const;
  return (
    <ul className="fact-list" aria-label={t.title}>
      <li>
        <span className="fact__name">{t.guideRate}</span>
        <span className="fact__value" data-testid="guide-rate" data-value={g.value ?? ''}>
          {formatPercent(g.value, locale)}
        </span>
        <span
          className={g.meetsTarget === false ? 'status-bad' : g.meetsTarget ? 'status-ok' : 'muted'}
        >
          {g.meetsTarget === null ? '' : g.meetsTarget ? `▲ ${t.meets}` : `▼ ${t.misses}`}
        </span>
        <span className="muted">
          {t.guideDetail(n(g.sessions), formatPercent(g.target, locale))}
        </span>
      </li>
      <li>
        <span className="fact__name">{t.response48h}</span>
        <span className="fact__value">{formatPercent(kpis.responseRate48h.value, locale)}</span>
        <span className="muted">
          {t.responseDetail(n(kpis.responseRate48h.started), n(kpis.responseRate48h.pending))}
        </span>
      </li>
      <li>
        <span className="fact__name">{t.medianReply}</span>
        <span className="fact__value">
          {kpis.medianFirstResponseHours.value === null
            ? '—'
            : t.hours(formatNumber(kpis.medianFirstResponseHours.value, locale, { digits: 1 }))}
        </span>
        <span className="muted">{t.replyDetail(n(kpis.medianFirstResponseHours.count))}</span>
      </li>
      {conversions.map(([label, c]) => (
        <li key={label}>
          <span className="fact__name">{label}</span>
          <span className="fact__value">{formatPercent(c.value, locale)}</span>
          <span className="muted">{t.conversionDetail(n(c.numerator), n(c.denominator))}</span>
        </li>
      ))}
    </ul>
  );
}
