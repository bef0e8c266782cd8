/** 公域 vs 私域: every §1 metric side by side with its evidence and the article's benchmarks. */
import { pagePresets } from '@yugang/contract';
import { useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useSummary } from '../../features/summary/api/get-summary';
import { BenchmarkCard } from '../../features/summary/components/benchmark-card';
import { CompareTable } from '../../features/summary/components/compare-table';
import { compareMessages } from '../../features/summary/compare-messages';
import { compareRows } from '../../features/summary/compare-rows';
import { QueryState } from '../../components/ui/query-state';
import { PageHead } from '../../components/ui/page-head';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { analysisMessages } from './analysis-messages';
import { useAnalysisWindow, WindowControls } from './analysis-window';
import './analysis.css';

export function ComparePage() {
  const t = useMessages(compareMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/compare' });
  const navigate = useNavigate({ from: '/w/$ws/compare' });
  const { latest, latestDay, window } = useAnalysisWindow(ws, search, pagePresets.compare.preset);
  const summary = useSummary(ws, window ?? {}, Boolean(window));
  const rows = useMemo(
    () => (summary.data ? compareRows(summary.data, locale) : []),
    [summary.data, locale],
  );
  usePageReady(Boolean(summary.data));

  return (
    <QueryState query={latest}>
      {() => (
        <div className="page compare-page">
          <PageHead title={t.title} intro={t.intro} asOf={latestDay} />
          <WindowControls
            search={search}
            window={window}
            fallback={pagePresets.compare.preset}
            onChange={(next) =>
              void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
            }
          />
          <QueryState query={summary}>
            {(data) => (
              <>
                <h2 className="section-title">
                  {t.table}{' '}
                  <span className="muted" data-testid="compare-window">
                    {a.windowText(data.window.from, data.window.to)}
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
          </QueryState>
        </div>
      )}
    </QueryState>
  );
}
