/** 账号风险: the latest alerts, each account's red-line chart, alerts by account, compliance, backups and the sensitive-word check. */
import { pagePresets } from '@yugang/contract';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { QueryState } from '../../components/ui/query-state';
import { PageHead } from '../../components/ui/page-head';
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
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { analysisMessages } from './analysis-messages';
import { useAnalysisWindow, WindowControls } from './analysis-window';
import './analysis.css';

export function RiskPage() {
  const t = useMessages(riskMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/risk' });
  const navigate = useNavigate({ from: '/w/$ws/risk' });
  const { latest, latestDay, window } = useAnalysisWindow(ws, search, pagePresets.risk.preset);
  const query = useRisk(ws, window ?? {}, Boolean(window));
  usePageReady(Boolean(query.data));
  const accounts = query.data?.redLines.map((r) => r.accountId) ?? [];
  const account =
    search.account && accounts.includes(search.account)
      ? search.account
      : query.data
        ? (defaultRedLineAccount(query.data) ?? undefined)
        : undefined;
  const set = (next: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  if (!window) return <QueryState query={latest} />;
  return (
    <div className="page risk-page">
      <PageHead title={t.title} intro={t.intro} asOf={latestDay} />
      <WindowControls
        search={search}
        window={window}
        fallback={pagePresets.risk.preset}
        onChange={(next) => set(next)}
      />
      <QueryState query={query}>
        {(data) => {
          const today = latestAlerts(data);
          return (
            <>
              <p className="muted">{a.windowText(data.window.from, data.window.to)}</p>
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
              <ComplianceFacts risk={data} locale={locale} />
              {accounts.length > 0 ? (
                <div className="controls" style={{ marginTop: '1rem' }}>
                  <label className="select-label">
                    <span>{t.pickAccount}</span>
                    <select
                      value={account ?? ''}
                      onChange={(e) => set({ account: e.target.value })}
                    >
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
                  <RedLinesCard risk={data} accountId={account} locale={locale} ws={ws} />
                ) : null}
                {data.byAccount.length > 0 ? (
                  <section>
                    <h2 className="section-title">{t.byAccount}</h2>
                    <AccountTable risk={data} locale={locale} />
                  </section>
                ) : null}
              </div>
              {account ? (
                <AlertTable
                  title={t.accountDetail(account)}
                  alerts={accountAlerts(data, account)}
                  locale={locale}
                  showDate
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
      <SensitiveWordChecker ws={ws} locale={locale} />
    </div>
  );
}
