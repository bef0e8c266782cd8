/** One section-1 metric per month, private vs public, with goals, annotations and a takeaway. */
import { useMemo, type ReactNode } from 'react';
import { metricById, type Locale } from '@yugang/metrics';
import type { SECTION1_IDS } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import { metricGoals, trendAnnotations } from '../../../lib/goal-lines';
import { useMessages } from '../../../lib/i18n';
import type { Comparison, DateWindow } from '@yugang/contract';
import { takeaway } from '../../../lib/takeaway';
import { useTrends } from '../api/get-trends';
import { trendsMessages } from '../messages';
import { trendRows } from '../trend-rows';

export interface MetricTrendCardProps {
  ws: string;
  metric: (typeof SECTION1_IDS)[number];
  locale: Locale;
  /** The months shown; data is fetched from `fetchFrom` so 同比 has a year before them. */
  range: DateWindow;
  fetchFrom: string;
  comparison: Comparison;
  unfinishedLast: boolean;
  actions?: ReactNode;
}

export function MetricTrendCard(props: MetricTrendCardProps) {
  const t = useMessages(trendsMessages);
  const { ws, metric, locale, range } = props;
  const query = useTrends(ws, { metric, grain: 'month', from: props.fetchFrom, to: range.to });
  const definition = metricById(metric);
  const title = definition.name[locale];
  const view = useMemo(() => {
    if (!query.data) return null;
    const all = trendRows(query.data);
    const first = range.from.slice(0, 7);
    const rows = all.filter((r) => r.period >= first);
    return {
      all,
      input: {
        locale,
        title,
        unit: definition.unit,
        rows,
        goals: metricGoals(
          query.data.goals.map((g) => ({ ...g, metric })),
          metric,
          { from: query.data.from, to: query.data.to, grain: 'month' },
          t,
        ),
        annotations: trendAnnotations(query.data.annotations, rows, 'month'),
        unfinishedLast: props.unfinishedLast,
      },
    };
  }, [query.data, metric, range.from, locale, title, definition.unit, t, props.unfinishedLast]);

  const state = query.isPending
    ? 'pending'
    : query.isError
      ? 'error'
      : view && view.input.rows.some((r) => r.private !== null && r.private !== 0)
        ? 'ready'
        : 'empty';
  return (
    <ChartSlot title={title} state={state} error={query.error} onRetry={() => void query.refetch()}>
      {view ? (
        <TrendChart
          input={view.input}
          fileName={`${ws}-${metric}`}
          actions={props.actions}
          takeaway={takeaway({
            locale,
            title,
            unit: definition.unit,
            rows: view.all,
            unfinishedLast: props.unfinishedLast,
            comparison: props.comparison,
            periodsPerYear: 12,
          })}
        />
      ) : null}
    </ChartSlot>
  );
}
