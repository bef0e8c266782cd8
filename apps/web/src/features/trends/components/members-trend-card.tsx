/**
 * Private members per month: members at each month's end, or the month's new members, with the
 * figure's goal lines and the annotations the page hands in (they come from the goals and
 * annotations features, which this one does not import).
 */
import { useMemo, type ReactNode } from 'react';
import { metricById, type Locale } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import { formatFigure } from '../../../lib/format';
import { metricGoals, trendAnnotations, type ChartMarks } from '../../../lib/goal-lines';
import { useMessages } from '../../../lib/i18n';
import type { Comparison, DateWindow } from '@yugang/contract';
import { takeaway } from '../../../lib/takeaway';
import { useMemberTrend } from '../api/get-member-trend';
import { memberRows, type MemberFigure } from '../member-rows';
import { trendsMessages } from '../messages';

export interface MembersTrendCardProps {
  ws: string;
  figure: MemberFigure;
  locale: Locale;
  /** The months shown; data is fetched from `fetchFrom` so 同比 has a year before them. */
  range: DateWindow;
  fetchFrom: string;
  comparison: Comparison;
  unfinishedLast: boolean;
  /** Every goal of the workspace and the annotations in range; undefined while they load. */
  marks: ChartMarks | undefined;
  actions?: ReactNode;
}

export function MembersTrendCard(props: MembersTrendCardProps) {
  const t = useMessages(trendsMessages);
  const { ws, figure, locale, marks } = props;
  const { from, to } = props.range;
  const query = useMemberTrend(ws, { grain: 'month', from: props.fetchFrom, to });
  const title = metricById(figure).name[locale];
  const view = useMemo(() => {
    if (!query.data || !marks) return null;
    const all = memberRows(query.data, figure);
    const rows = all.filter((r) => r.period >= from.slice(0, 7));
    return {
      all,
      input: {
        locale,
        title,
        unit: 'count' as const,
        rows,
        goals: metricGoals(marks.goals, figure, { from, to, grain: 'month' }, t),
        annotations: trendAnnotations(marks.annotations, rows, 'month'),
        unfinishedLast: props.unfinishedLast,
      },
    };
  }, [query.data, marks, figure, from, to, locale, title, t, props.unfinishedLast]);

  const state =
    query.isPending || (query.isSuccess && !marks)
      ? 'pending'
      : query.isError
        ? 'error'
        : view && view.input.rows.some((r) => r.private !== null && r.private !== 0)
          ? 'ready'
          : 'empty';
  const rows = view?.input.rows;
  const latest = rows?.at(props.unfinishedLast && rows.length > 1 ? -2 : -1);
  return (
    <ChartSlot title={title} state={state} error={query.error} onRetry={() => void query.refetch()}>
      {view ? (
        <TrendChart
          input={view.input}
          fileName={`${ws}-${figure}`}
          actions={props.actions}
          takeaway={takeaway({
            locale,
            title: figure === 'private_members' ? t.membersShort : t.newMembersShort,
            unit: 'count',
            rows: view.all,
            unfinishedLast: props.unfinishedLast,
            comparison: props.comparison,
            periodsPerYear: 12,
          })}
        >
          {latest ? (
            <p className="muted">
              {t.membersNote}{' '}
              <span
                data-testid={`trend-${figure}`}
                data-period={latest.period}
                data-value={String(latest.private ?? '')}
              >
                {latest.period}: {formatFigure(latest.private, 'count', locale)}
              </span>
            </p>
          ) : null}
        </TrendChart>
      ) : null}
    </ChartSlot>
  );
}
