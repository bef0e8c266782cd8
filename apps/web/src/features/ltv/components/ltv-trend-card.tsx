/**
 * Six-month LTV per first-order cohort, private vs public, with a takeaway and the annotations
 * the page hands in, each on the cohort month that holds its date (a campaign marks the cohort
 * it brought in).
 */
import { useMemo, type ReactNode } from 'react';
import type { Locale } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import { pagePresets, type Comparison } from '@yugang/contract';
import { trendAnnotations } from '../../../lib/goal-lines';
import { takeaway } from '../../../lib/takeaway';
import { useLtv } from '../api/get-ltv';
import { cohortLtvRows } from '../ltv-rows';

const LTV_MONTHS = pagePresets.trends.ltvMonths;

export function LtvTrendCard(props: {
  ws: string;
  locale: Locale;
  title: string;
  /** The last month a cohort may start in, 'YYYY-MM'. */
  asOfMonth: string;
  span: number;
  comparison: Comparison;
  /** The annotations in range (none while they load). */
  annotations?: readonly { date: string; text: string }[] | undefined;
  actions?: ReactNode;
}) {
  const { ws, locale, title } = props;
  const query = useLtv(ws, { asOf: props.asOfMonth, maxK: LTV_MONTHS });
  const view = useMemo(() => {
    if (!query.data) return null;
    const all = cohortLtvRows(query.data, LTV_MONTHS, props.span + 12);
    return { all, rows: all.slice(-props.span) };
  }, [query.data, props.span]);
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
            annotations: trendAnnotations(props.annotations ?? [], view.rows, 'month'),
          }}
          fileName={`${ws}-ltv`}
          actions={props.actions}
          takeaway={takeaway({
            locale,
            title,
            unit: 'money',
            rows: view.all,
            unfinishedLast: false,
            comparison: props.comparison,
            periodsPerYear: 12,
          })}
        />
      ) : null}
    </ChartSlot>
  );
}
