/** GMV credited to the private and public teams per month (attribution), with a takeaway. */
import { useMemo, type ReactNode } from 'react';
import type { Locale } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import type { Comparison, DateWindow } from '@yugang/contract';
import { takeaway } from '../../../lib/takeaway';
import { useAttribution } from '../api/get-attribution';
import { creditedGmvRows } from '../attribution-rows';

export function CreditedGmvCard(props: {
  ws: string;
  locale: Locale;
  title: string;
  range: DateWindow;
  fetchFrom: string;
  comparison: Comparison;
  unfinishedLast: boolean;
  actions?: ReactNode;
}) {
  const { ws, locale, title, range } = props;
  const query = useAttribution(ws, { grain: 'month', from: props.fetchFrom, to: range.to });
  const view = useMemo(() => {
    if (!query.data) return null;
    const all = creditedGmvRows(query.data, props.fetchFrom, range.to);
    const rows = all.filter((r) => r.period >= range.from.slice(0, 7));
    return { all, rows };
  }, [query.data, props.fetchFrom, range.from, range.to]);
  const state = query.isPending
    ? 'pending'
    : query.isError
      ? 'error'
      : view && view.rows.length > 0
        ? 'ready'
        : 'empty';
  return (
    <ChartSlot title={title} state={state} error={query.error} onRetry={() => void query.refetch()}>
      {view ? (
        <TrendChart
          input={{
            locale,
            title,
            unit: 'money',
            rows: view.rows,
            unfinishedLast: props.unfinishedLast,
          }}
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
