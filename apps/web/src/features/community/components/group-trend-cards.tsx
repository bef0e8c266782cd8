/**
 * One group's weekly members and activity rate, each on its own axis and chart, with the
 * annotations the page hands in as markers. Goals are the workspace's, never one group's, so
 * none is drawn here.
 */
import { useMemo, type ReactNode } from 'react';
import { COLORS, markedLinesOption } from '@yugang/charts';
import type { Locale } from '@yugang/metrics';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { trendAnnotations } from '../../../lib/goal-lines';
import { useMessages } from '../../../lib/i18n';
import { groupWeeks, type CommunityGroup } from '../community-rows';
import { communityMessages } from '../messages';

export function GroupTrendCards({
  group,
  locale,
  ws,
  annotations,
  actions,
}: {
  group: CommunityGroup;
  locale: Locale;
  ws: string;
  /** The annotations in the weeks shown (none while they load). */
  annotations: readonly { date: string; text: string }[] | undefined;
  actions?: ReactNode;
}) {
  const t = useMessages(communityMessages);
  const w = useMemo(() => groupWeeks(group), [group]);
  const marks = useMemo(
    () =>
      trendAnnotations(
        annotations ?? [],
        w.weeks.map((period) => ({ period, private: null })),
        'week',
      ).map((a) => ({ category: a.period, label: a.text })),
    [annotations, w],
  );
  const members = useMemo(
    () =>
      markedLinesOption({
        locale,
        title: t.trendMembers(group.name),
        unit: 'count',
        categories: w.weeks,
        series: [{ name: t.membersSeries, values: w.members, color: COLORS.private }],
        marks,
      }),
    [locale, t, group.name, w, marks],
  );
  const activity = useMemo(
    () =>
      markedLinesOption({
        locale,
        title: t.trendActivity(group.name),
        unit: 'ratio',
        categories: w.weeks,
        series: [{ name: t.activitySeries, values: w.activity, color: COLORS.goal }],
        marks,
      }),
    [locale, t, group.name, w, marks],
  );
  const flow = useMemo(
    () =>
      markedLinesOption({
        locale,
        title: t.trendFlow(group.name),
        unit: 'count',
        categories: w.weeks,
        series: [
          { name: t.joinsSeries, values: w.joins, color: COLORS.private },
          { name: t.leavesSeries, values: w.leaves, color: COLORS.public },
        ],
        marks,
      }),
    [locale, t, group.name, w, marks],
  );
  const aria = (o: typeof members) =>
    (o.aria as { label: { description: string } }).label.description;
  const table = (values: (number | null)[], unit: 'count' | 'ratio', name: string) => ({
    headers: ['', name],
    rows: w.weeks.map((week, i) => [week, formatFigure(values[i], unit, locale)]),
  });
  return (
    <>
      <ChartFrame
        title={t.trendMembers(group.name)}
        option={members}
        description={aria(members)}
        table={table(w.members, 'count', t.membersSeries)}
        fileName={`${ws}-group-${group.groupId}-members`}
        height={220}
        actions={actions}
      />
      <ChartFrame
        title={t.trendActivity(group.name)}
        option={activity}
        description={aria(activity)}
        table={table(w.activity, 'ratio', t.activitySeries)}
        fileName={`${ws}-group-${group.groupId}-activity`}
        height={220}
        actions={actions}
      />
      <ChartFrame
        title={t.trendFlow(group.name)}
        option={flow}
        description={aria(flow)}
        table={{
          headers: ['', t.joinsSeries, t.leavesSeries],
          rows: w.weeks.map((week, i) => [
            week,
            formatFigure(w.joins[i], 'count', locale),
            formatFigure(w.leaves[i], 'count', locale),
          ]),
        }}
        fileName={`${ws}-group-${group.groupId}-joins-leaves`}
        height={220}
        actions={actions}
      />
    </>
  );
}
