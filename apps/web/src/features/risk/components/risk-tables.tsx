/** The latest day's alerts, alerts by account (with one account's record), compliance and backups. */
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import type { ResponseOf, riskContract } from '@yugang/contract';
import { useMessages } from '../../../lib/i18n';
import { riskMessages } from '../messages';
import type { RiskAlert } from '../risk-rows';

type Risk = ResponseOf<typeof riskContract.get>;

function AlertRows({
  alerts,
  locale,
  showDate,
}: {
  alerts: readonly RiskAlert[];
  locale: Locale;
  showDate: boolean;
}) {
  const t = useMessages(riskMessages);
  return (
    <>
      {alerts.map((a) => (
        <tr key={`${a.accountId}-${a.date}-${a.rule}`}>
          <th scope="row">
            {a.accountId}
            {a.newAccount ? ` (${t.newAccount})` : ''}
          </th>
          {showDate ? <td>{a.date}</td> : null}
          <td>{t.rules(a.rule)}</td>
          <td className={a.level === 'alert' ? 'status-bad' : undefined}>
            {a.level === 'alert' ? `▲ ${t.alertLevel}` : t.adviceLevel}
          </td>
          <td>{t.over(formatNumber(a.value, locale), formatNumber(a.limit, locale))}</td>
        </tr>
      ))}
    </>
  );
}

export function AlertTable({
  title,
  alerts,
  locale,
  showDate,
  testId,
}: {
  title: string;
  alerts: readonly RiskAlert[];
  locale: Locale;
  showDate: boolean;
  testId?: string;
}) {
  const t = useMessages(riskMessages);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
      <table className="figure-table" data-testid={testId} data-count={alerts.length}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.account}</th>
            {showDate ? <th scope="col">{t.date}</th> : null}
            <th scope="col">{t.rule}</th>
            <th scope="col">{t.level}</th>
            <th scope="col">{t.value}</th>
          </tr>
        </thead>
        <tbody>
          <AlertRows alerts={alerts} locale={locale} showDate={showDate} />
        </tbody>
      </table>
    </div>
  );
}

export function AccountTable({ risk, locale }: { risk: Risk; locale: Locale }) {
  const t = useMessages(riskMessages);
  const rows = [...risk.byAccount].sort(
    (a, b) => b.alertDays - a.alertDays || a.accountId.localeCompare(b.accountId),
  );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.byAccount}>
      <table className="figure-table">
        <caption className="sr-only">{t.byAccount}</caption>
        <thead>
          <tr>
            <th scope="col">{t.account}</th>
            <th scope="col">{t.alertDays}</th>
            <th scope="col">{t.alerts}</th>
            <th scope="col">{t.advice}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.accountId}>
              <th scope="row">{r.accountId}</th>
              <td className={r.alertDays > 0 ? 'status-bad' : undefined}>
                {formatNumber(r.alertDays, locale)}
              </td>
              <td>{formatNumber(r.alerts, locale)}</td>
              <td>{formatNumber(r.advice, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComplianceFacts({ risk, locale }: { risk: Risk; locale: Locale }) {
  const t = useMessages(riskMessages);
  const list = (ids: readonly string[]) => (ids.length === 0 ? t.none : ids.join(', '));
  return (
    <ul className="fact-list">
      <li>
        <span className="fact__name">{t.compliance(risk.compliance.month)}</span>
        <span
          className="fact__value"
          data-testid="compliance-rate"
          data-value={risk.compliance.value ?? ''}
        >
          {formatPercent(risk.compliance.value, locale)}
        </span>
        <span className="muted">
          {t.nonCompliant}: {list(risk.compliance.nonCompliant)}
        </span>
      </li>
      <li>
        <span className="fact__name">{t.backup}</span>
        <span className="fact__value">{formatPercent(risk.backupCoverage.value, locale)}</span>
        <span className="muted">
          {t.uncovered}: {list(risk.backupCoverage.uncovered)}
        </span>
      </li>
    </ul>
  );
}
