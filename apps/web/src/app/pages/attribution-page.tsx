/** 团队业绩: GMV credited to each team per period with the credit rule and private share, and team KPIs. */
import { pagePresets } from '@yugang/contract';
import { addDays } from '@yugang/metrics';
import { useId, useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { TrendChart } from '../../components/charts/trend-chart';
import { QueryState } from '../../components/ui/query-state';
import { PageHead } from '../../components/ui/page-head';
import { AddAnnotation } from '../../features/annotations/components/add-annotation';
import { useAttribution } from '../../features/attribution/api/get-attribution';
import { usePrivateShare } from '../../features/attribution/api/get-private-share';
import { attributionMessages } from '../../features/attribution/attribution-messages';
import { CreditSplitCard } from '../../features/attribution/components/credit-split-card';
import { lastPeriodUnfinished } from '../../features/attribution/period-end';
import { useTeamKpis } from '../../features/team-kpis/api/get-team-kpis';
import { TeamKpiList } from '../../features/team-kpis/components/team-kpi-list';
import { teamKpisMessages } from '../../features/team-kpis/messages';
import { formatFigure } from '../../lib/format';
import { metricGoals, trendAnnotations } from '../../lib/goal-lines';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { useMembership } from '../use-membership';
import { useAnalysisWindow, WindowControls } from './analysis-window';
import { useChartMarks } from './chart-marks';
import './analysis.css';

export function AttributionPage() {
  const t = useMessages(attributionMessages);
  const k = useMessages(teamKpisMessages);
  const { locale } = useLocale();
  const id = useId();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/attribution' });
  const navigate = useNavigate({ from: '/w/$ws/attribution' });
  const grain = search.grain ?? pagePresets.attribution.grain;
  const { latest, latestDay, window } = useAnalysisWindow(
    ws,
    search,
    pagePresets.attribution.preset,
  );
  // Not before the window is known: the route's default window is not what the page shows.
  const attribution = useAttribution(ws, { ...(window ?? {}), grain }, Boolean(window));
  const kpis = useTeamKpis(ws, window ?? {}, Boolean(window));
  const share = usePrivateShare(ws);
  const { canEdit } = useMembership();
  const marks = useChartMarks(ws, window);
  usePageReady(Boolean(attribution.data && kpis.data && marks));
  const rows = useMemo(
    () =>
      (attribution.data?.rows ?? []).map((r) => ({
        period: r.period,
        private: r.private,
        public: r.public,
      })),
    [attribution.data],
  );
  const set = (next: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  if (!window) return <QueryState query={latest} />;
  const sum = (side: 'private' | 'public') => rows.reduce((s, r) => s + (r[side] ?? 0), 0);
  const priv = sum('private');
  const pub = sum('public');
  const money = (v: number | null) => formatFigure(v, 'money', locale);
  return (
    <div className="page attribution-page">
      <PageHead title={t.title} intro={t.intro} asOf={latestDay} />
      <div className="controls">
        <WindowControls
          search={search}
          window={window}
          fallback={pagePresets.attribution.preset}
          onChange={(next) => set(next)}
        />
        <fieldset className="segmented">
          <legend>{t.grain}</legend>
          {(['month', 'week'] as const).map((g) => (
            <label key={g} className={grain === g ? 'is-active' : undefined}>
              <input
                type="radio"
                name={`${id}-grain`}
                checked={grain === g}
                onChange={() => set({ grain: g })}
              />
              {g === 'month' ? t.month : t.week}
            </label>
          ))}
        </fieldset>
      </div>
      {share !== null ? (
        <p className="muted">{t.rule(formatFigure(share, 'ratio', locale))}</p>
      ) : null}
      <QueryState query={attribution}>
        {(data) => (
          <>
            <p data-testid="credited-total" data-value={priv}>
              {t.total(
                money(priv),
                money(pub),
                formatFigure(priv + pub > 0 ? priv / (priv + pub) : null, 'ratio', locale),
              )}
            </p>
            <div className="chart-grid">
              <TrendChart
                input={{
                  locale,
                  title: t.credited,
                  unit: 'money',
                  rows,
                  goals: metricGoals(marks?.goals ?? [], 'credited_gmv', { ...window, grain }, t),
                  annotations: trendAnnotations(marks?.annotations ?? [], rows, grain),
                  unfinishedLast: lastPeriodUnfinished(
                    rows.map((r) => r.period),
                    grain,
                    data.window?.to ?? window.to,
                  ),
                }}
                fileName={`${ws}-credited-gmv`}
                actions={
                  canEdit ? <AddAnnotation ws={ws} defaultDate={addDays(window.to, -1)} /> : null
                }
              />
              <CreditSplitCard
                ws={ws}
                locale={locale}
                window={window}
                grain={grain}
                annotations={marks?.annotations ?? []}
              />
            </div>
          </>
        )}
      </QueryState>
      <h2 className="section-title">{k.title}</h2>
      <QueryState query={kpis}>{(data) => <TeamKpiList kpis={data} locale={locale} />}</QueryState>
    </div>
  );
}
