/** 趋势: the executive's page: key figures for a period, then 12–24-month trends, private vs public. */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { addDays } from '@yugang/metrics';
import { AddAnnotation } from '../../features/annotations/components/add-annotation';
import { CreditedGmvCard } from '../../features/attribution/components/credited-gmv-card';
import { LtvTrendCard } from '../../features/ltv/components/ltv-trend-card';
import { RoiTrendCard } from '../../features/roi/components/roi-trend-card';
import { useSummary } from '../../features/summary/api/get-summary';
import { KpiStrip } from '../../features/summary/components/kpi-strip';
import { useTrends } from '../../features/trends/api/get-trends';
import { MembersTrendCard } from '../../features/trends/components/members-trend-card';
import { MetricTrendCard } from '../../features/trends/components/metric-trend-card';
import {
  TrendsControls,
  type TrendsControlsValue,
} from '../../features/trends/components/trends-controls';
import { trendsMessages } from '../../features/trends/messages';
import { PageHead } from '../../components/ui/page-head';
import { ErrorState, Loading } from '../../components/ui/status';
import { latestDataDay } from '../../lib/as-of';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { pagePresets, trendsFrame } from '@yugang/contract';
import { useMembership } from '../use-membership';
import { useChartMarks } from './chart-marks';

const KPIS = [
  'gmv',
  'buyers',
  'aov',
  'purchase_frequency',
  'repeat_purchase_rate',
  'return_rate',
] as const;
const TREND_METRICS = ['purchase_frequency', 'repeat_purchase_rate', 'return_rate', 'aov'] as const;

/**
 * The as-of day presets count from: the latest data day the API reports; from a server that does
 * not report it yet, the summary's default window bounded by the last week with orders.
 */
function useAsOf(ws: string) {
  const summary = useSummary(ws, {});
  const reported = (summary.data as { freshness?: { latestDataDay: string | null } } | undefined)
    ?.freshness?.latestDataDay;
  const to = summary.data?.window.to;
  const weekly = useTrends(
    ws,
    { metric: 'orders', grain: 'week', from: to ? addDays(to, -7 * 26) : undefined, to },
    Boolean(to) && !reported,
  );
  if (summary.isError) return { error: summary.error, asOf: null };
  if (reported) return { error: null, asOf: reported };
  if (weekly.isError) return { error: weekly.error, asOf: null };
  if (!to || !weekly.data) return { error: null, asOf: null };
  const orders = weekly.data.points.map((p) => ({ period: p.period, orders: p.all.value ?? 0 }));
  return { error: null, asOf: latestDataDay(to, orders) };
}

export function TrendsPage() {
  const { ws } = useParams({ from: '/w/$ws' });
  const { asOf, error } = useAsOf(ws);
  usePageReady(Boolean(asOf));

  if (error) return <ErrorState error={error} />;
  if (!asOf) return <Loading />;
  return <TrendsView ws={ws} asOf={asOf} />;
}

function TrendsView({ ws, asOf }: { ws: string; asOf: string }) {
  const t = useMessages(trendsMessages);
  const { locale } = useLocale();
  const search = useSearch({ from: '/w/$ws/trends' });
  const navigate = useNavigate({ from: '/w/$ws/trends' });
  const { canEdit } = useMembership();
  const defaults = pagePresets.trends;
  const preset = search.preset ?? defaults.preset;
  const comparison = search.compare ?? defaults.comparison;
  const span = search.span ?? defaults.span;
  const { window, against, end, range, fetchFrom } = trendsFrame(
    { preset, comparison, span, from: search.from, to: search.to },
    asOf,
  );
  const unfinishedLast = end.unfinished;

  const value: TrendsControlsValue = { preset, comparison, span, from: window.from, to: window.to };
  function change(next: Partial<TrendsControlsValue>) {
    const merged = { ...value, ...next };
    void navigate({
      search: (prev) => ({
        ...prev,
        preset: merged.preset,
        compare: merged.comparison,
        span: merged.span,
        from: merged.preset === 'custom' ? merged.from : undefined,
        to: merged.preset === 'custom' ? merged.to : undefined,
      }),
      replace: true,
    });
  }
  // Dated on the last day the charts show, so a new marker lands on them (the latest data day
  // can sit in a month too young to be drawn).
  const annotate = canEdit ? <AddAnnotation ws={ws} defaultDate={end.day} /> : null;
  const common = { ws, locale, range, fetchFrom, comparison, unfinishedLast };
  // From fetchFrom: the LTV chart's cohorts end months before the range does.
  const marks = useChartMarks(ws, { from: fetchFrom, to: range.to });

  return (
    <div className="page trends-page">
      <PageHead
        title={t.title}
        intro={
          <>
            {t.intro} <span data-testid="as-of">{t.asOf(asOf)}</span>
          </>
        }
      />
      <TrendsControls value={value} onChange={change} />
      <h2 className="section-title">
        {t.kpis} <span className="muted">{t.windowText(window.from, window.to)}</span>
      </h2>
      <KpiStrip
        ws={ws}
        locale={locale}
        window={window}
        against={against}
        comparison={comparison}
        metrics={KPIS}
        label={t.kpis}
      />
      <h2 className="section-title">{t.charts}</h2>
      <div className="chart-grid">
        <CreditedGmvCard {...common} title={t.creditedGmv} marks={marks} actions={annotate} />
        <MembersTrendCard {...common} figure="private_members" marks={marks} actions={annotate} />
        <MembersTrendCard
          {...common}
          figure="new_private_members"
          marks={marks}
          actions={annotate}
        />
        {TREND_METRICS.map((metric) => (
          <MetricTrendCard key={metric} {...common} metric={metric} actions={annotate} />
        ))}
        <LtvTrendCard
          ws={ws}
          locale={locale}
          title={t.ltv}
          asOfMonth={end.day.slice(0, 7)}
          span={span}
          comparison={comparison}
          annotations={marks?.annotations}
          actions={annotate}
        />
        <RoiTrendCard
          breakEven={t.breakEven}
          ws={ws}
          locale={locale}
          title={t.roi}
          range={range}
          comparison={comparison}
          unfinishedLast={unfinishedLast}
          annotations={marks?.annotations}
          actions={annotate}
        />
      </div>
    </div>
  );
}
