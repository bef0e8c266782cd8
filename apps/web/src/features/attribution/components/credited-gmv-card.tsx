/**
 * GMV credited to the private and public teams per month (attribution), with a takeaway, the
 * credited-GMV goals and the annotations the page hands in (they come from the goals and
 * annotations features, which this one does not import).
 */
import { useMemo, type ReactNode } from 'react';
import type { Locale } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import type { Comparison, DateWindow } from '@yugang/contract';
import { metricGoals, trendAnnotations, type ChartMarks } from '../../../lib/goal-lines';
import { useMessages } from '../../../lib/i18n';
import { takeaway } from '../../../lib/takeaway';
import { useAttribution } from '../api/get-attribution';
import { attributionMessages } from '../attribution-messages';
import { creditedGmvRows } from '../attribution-rows';

export function CreditedGmvCard(props: {
  ws: string;
  locale: Locale;
  title: string;
  range: DateWindow;
  fetchFrom: string;
  comparison: Comparison;
  unfinishedLast: boolean;
  /** Undefined while they load. */
  marks: ChartMarks | undefined;
  actions?: ReactNode;
}) {
  const t = useMessages(attributionMessages);
  const { ws, locale, title, range, marks } = props;
  const query = useAttribution(ws, { grain: 'month', from: props.fetchFrom, to: range.to });
  const view = useMemo(() => {
    if (!query.data || !marks) return null;
    const all = creditedGmvRows(query.data, props.fetchFrom, range.to);
    const rows = all.filter((r) => r.period >= range.from.slice(0, 7));
    return {
      all,
      input: {
        locale,
        title,
        unit: 'money' as const,
        rows,
        goals: metricGoals(marks.goals, 'credited_gmv', { ...range, grain: 'month' }, t),
        annotations: trendAnnotations(marks.annotations, rows, 'month'),
        unfinishedLast: props.unfinishedLast,
      },
    };
  }, [query.data, marks, props.fetchFrom, range, locale, title, t, props.unfinishedLast]);
  const state =
    query.isPending || (query.isSuccess && !marks)
      ? 'pending'
      : query.isError
        ? 'error'
        : view && view.input.rows.length > 0
          ? 'ready'
          : 'empty';
  return (
    <ChartSlot title={title} state={state} error={query.error} onRetry={() => void query.refetch()}>
      {view ? (
        <TrendChart
          input={view.input}
          fileName={`${ws}-credited-gmv`}
          actions={props.actions}
          takeaway={takeaway({
            locale,
            title,
            unit: 'money',
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
