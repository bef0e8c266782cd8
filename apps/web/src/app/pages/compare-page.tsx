/** 公域 vs 私域: every §1 metric side by side with its evidence and the article's benchmarks. */
import { useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useSummary } from '../../features/summary/api/get-summary';
import { BenchmarkCard } from '../../features/summary/components/benchmark-card';
import { CompareTable } from '../../features/summary/components/compare-table';
import { compareMessages } from '../../features/summary/compare-messages';
import { compareRows } from '../../features/summary/compare-rows';
import { ErrorState, Loading } from '../../components/ui/status';
import { useLocale, useMessages } from '../../lib/i18n';
import { analysisMessages } from './analysis-messages';
import { windowOf, WindowControls } from './analysis-window';
import './analysis.css';

export function ComparePage() {
  const t = useMessages(compareMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/compare' });
  const navigate = useNavigate({ from: '/w/$ws/compare' });
  const latest = useSummary(ws, {});
  const latestDay = latest.data?.freshness.latestDataDay ?? null;
  const window = latestDay ? windowOf(search, latestDay, 'last_12_months') : null;
  const summary = useSummary(ws, window ?? {}, Boolean(window));
  const rows = useMemo(
    () => (summary.data ? compareRows(summary.data, locale) : []),
    [summary.data, locale],
  );

  if (latest.isError)
    return <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />;
  if (latest.isPending) return <Loading />;
  return (
    <div className="page compare-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">
            {t.intro} {latestDay ? a.asOf(latestDay) : null}
          </p>
        </div>
      </header>
      {window ? (
        <WindowControls
          search={search}
          window={window}
          fallback="last_12_months"
          onChange={(next) =>
            void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
          }
        />
      ) : null}
      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <Loading />
      ) : (
        <>
          <h2 className="section-title">
            {t.table}{' '}
            <span className="muted" data-testid="compare-window">
              {a.windowText(summary.data.window.from, summary.data.window.to)}
            </span>
          </h2>
          <CompareTable rows={rows} locale={locale} />
          <h2 className="section-title">{t.charts}</h2>
          <div className="chart-grid">
            {rows
              .filter((r) => r.marks.length > 0)
              .map((row) => (
                <BenchmarkCard key={row.id} row={row} locale={locale} ws={ws} />
              ))}
          </div>
        </>
      )}
    </div>
  );
}
