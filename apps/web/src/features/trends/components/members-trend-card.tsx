/** Private members per month: members at each month's end, or the month's new members. */
import { useMemo } from 'react';
import { metricById, type Locale } from '@yugang/metrics';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { TrendChart } from '../../../components/charts/trend-chart';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import type { Comparison, DateWindow } from '../../../lib/periods';
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
}

export function MembersTrendCard(props: MembersTrendCardProps) {
  const t = useMessages(trendsMessages);
  const { ws, figure, locale, range } = props;
  const query = useMemberTrend(ws, { grain: 'month', from: props.fetchFrom, to: range.to });
  const title = metricById(figure).name[locale];
  const view = useMemo(() => {
    if (!query.data) return null;
    const all = memberRows(query.data, figure);
    return { all, rows: all.filter((r) => r.period >= range.from.slice(0, 7)) };
  }, [query.data, figure, range.from]);

  const state = query.isPending
    ? 'pending'
    : query.isError
      ? 'error'
      : view && view.rows.some((r) => r.private !== null && r.private !== 0)
        ? 'ready'
        : 'empty';
  const latest = view?.rows.at(props.unfinishedLast && view.rows.length > 1 ? -2 : -1);
  return (
    <ChartSlot title={title} state={state} error={query.error} onRetry={() => void query.refetch()}>
      {view ? (
        <TrendChart
          input={{
            locale,
            title,
            unit: 'count',
            rows: view.rows,
            unfinishedLast: props.unfinishedLast,
          }}
          fileName={`${ws}-${figure}`}
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
