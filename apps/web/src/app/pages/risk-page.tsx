/** 账号风险: the latest alerts, each account's red-line chart, alerts by account, compliance, backups and the sensitive-word check. */
import { useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ErrorState, Loading } from '../../components/ui/status';
import { useRisk } from '../../features/risk/api/get-risk';
import { RedLinesCard } from '../../features/risk/components/red-lines-card';
import {
  AccountTable,
  AlertTable,
  ComplianceFacts,
} from '../../features/risk/components/risk-tables';
import { SensitiveWordChecker } from '../../features/risk/components/sensitive-word-checker';
import { riskMessages } from '../../features/risk/messages';
import { accountAlerts, defaultRedLineAccount, latestAlerts } from '../../features/risk/risk-rows';
import { useSummary } from '../../features/summary/api/get-summary';
import { useLocale, useMessages } from '../../lib/i18n';
import { analysisMessages } from './analysis-messages';
import { windowOf, WindowControls } from './analysis-window';
import './analysis.css';

export function RiskPage() {
  const t = useMessages(riskMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/risk' });
  const navigate = useNavigate({ from: '/w/$ws/risk' });
  const latest = useSummary(ws, {});
  const latestDay = latest.data?.freshness.latestDataDay ?? null;
  const window = latestDay ? windowOf(search, latestDay, 'last_month') : null;
  const query = useRisk(ws, window ?? {}, Boolean(window));
  const today = useMemo(() => (query.data ? latestAlerts(query.data) : null), [query.data]);
  const accounts = query.data?.redLines.map((r) => r.accountId) ?? [];
  const account =
    search.account && accounts.includes(search.account)
      ? search.account
      : query.data
        ? (defaultRedLineAccount(query.data) ?? undefined)
        : undefined;
  const set = (next: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  if (latest.isError)
    return <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />;
  if (!window) return <Loading />;
  return (
    <div className="page risk-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">
            {t.intro} {latestDay ? a.asOf(latestDay) : null}
          </p>
        </div>
      </header>
      <WindowControls
        search={search}
        window={window}
        fallback="last_month"
        onChange={(next) => set(next)}
      />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data || !today ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{a.windowText(query.data.window.from, query.data.window.to)}</p>
          <h2 className="section-title">{today.date ? t.today(today.date) : t.noAlerts}</h2>
          {today.date ? (
            <AlertTable
              title={t.today(today.date)}
              alerts={today.alerts}
              locale={locale}
              showDate={false}
              testId="risk-today"
            />
          ) : null}
          <ComplianceFacts risk={query.data} locale={locale} />
          {accounts.length > 0 ? (
            <div className="controls" style={{ marginTop: '1rem' }}>
              <label className="select-label">
                <span>{t.pickAccount}</span>
                <select value={account ?? ''} onChange={(e) => set({ account: e.target.value })}>
                  {accounts.map((id) => (
                    <option key={id} value={id}>
                      {id}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
          <div className="chart-grid">
            {account ? (
              <RedLinesCard risk={query.data} accountId={account} locale={locale} ws={ws} />
            ) : null}
            {query.data.byAccount.length > 0 ? (
              <section>
                <h2 className="section-title">{t.byAccount}</h2>
                <AccountTable risk={query.data} locale={locale} />
              </section>
            ) : null}
          </div>
          {account ? (
            <AlertTable
              title={t.accountDetail(account)}
              alerts={accountAlerts(query.data, account)}
              locale={locale}
              showDate
            />
          ) : null}
        </>
      )}
      <SensitiveWordChecker ws={ws} locale={locale} />
    </div>
  );
}
