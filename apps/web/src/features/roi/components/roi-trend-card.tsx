/**
 * Cumulative ROI since the private launch, private vs public, per month, with its break-even
 * line and the annotations the page hands in. A private_roi goal is the ROI of its own period,
 * not the cumulative ROI since launch, so it has no line here.
 */
import { useMemo, type ReactNode } from 'react';
import type { Locale } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import type { Comparison, DateWindow } from '@yugang/contract';
import { trendAnnotations } from '../../../lib/goal-lines';
import { takeaway } from '../../../lib/takeaway';
import { useRoi } from '../api/get-roi';
import { cumulativeRoiRows } from '../roi-rows';

export function RoiTrendCard(props: {
  ws: string;
  locale: Locale;
  title: string;
  /** Label of the ROI = 1 line. */
  breakEven: string;
  range: DateWindow;
  comparison: Comparison;
  unfinishedLast: boolean;
  /** The annotations in range (none while they load). */
  annotations?: readonly { date: string; text: string }[] | undefined;
  actions?: ReactNode;
}) {
  const { ws, locale, title, range } = props;
  const query = useRoi(ws, { from: range.from, to: range.to });
  const view = useMemo(() => {
    if (!query.data) return null;
    const all = cumulativeRoiRows(query.data, '0000-01-01', range.to);
    return { all, rows: all.filter((r) => r.period >= range.from.slice(0, 7)) };
  }, [query.data, range.from, range.to]);
  const state = query.isPending
    ? 'pending'
    : query.isError
      ? 'error'
      : view && view.rows.some((r) => r.private !== null)
        ? 'ready'
        : 'empty';
  return (
    <ChartSlot title={title} state={state} error={query.error} onRetry={() => void query.refetch()}>
      {view ? (
        <TrendChart
          input={{
            locale,
            title,
            unit: 'multiple',
            rows: view.rows,
            goals: [{ value: 1, label: props.breakEven }],
            annotations: trendAnnotations(props.annotations ?? [], view.rows, 'month'),
            unfinishedLast: props.unfinishedLast,
          }}
          fileName={`${ws}-roi`}
          actions={props.actions}
          takeaway={takeaway({
            locale,
            title,
            unit: 'multiple',
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
