/** The members trend answer as chart rows and goal lines: members at each period's end, or the period's joins. Pure. */
import type { membershipContract, ResponseOf } from '@yugang/contract';
import type { TrendGoal, TrendRow } from '@yugang/charts';
import { metricById } from '@yugang/metrics';
import { periodLabel, trendGoals, type GoalSpan } from './trend-rows';

type MemberTrend = Pick<ResponseOf<typeof membershipContract.trend>, 'grain' | 'points'>;
export type MemberFigure = 'private_members' | 'new_private_members';

/** Private only: members are private by definition, so the rows carry no public value. */
export function memberRows(trend: MemberTrend, figure: MemberFigure): TrendRow[] {
  return trend.points.map((p) => ({
    period: periodLabel(p.period, trend.grain),
    private: p[figure].value,
  }));
}

/** Whole calendar months in [start, end), or null when either end is not a month's first day. */
function wholeMonths(start: string, end: string): number | null {
  if (!start.endsWith('-01') || !end.endsWith('-01')) return null;
  const month = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return month(end) - month(start);
}

/**
 * The figure's goals (any metric's goals may come in) as lines on a monthly chart of [from, to).
 * Members at month end is a level: its target is the line. New members add up over the goal's
 * period, so a goal over k whole months is drawn at target ÷ k, its monthly pace; one that does
 * not cover whole months has no honest place on a monthly chart and is left off.
 */
export function memberGoals(
  goals: readonly (GoalSpan & { metric: string })[],
  figure: MemberFigure,
  chart: { from: string; to: string },
  labels: { goal: string; goalPerMonth: string },
): TrendGoal[] {
  const own = goals.filter((g) => g.metric === figure);
  if (metricById(figure).aggregation === 'level') return trendGoals(own, chart, labels.goal);
  return own.flatMap((g) => {
    const months = wholeMonths(g.periodStart, g.periodEnd);
    if (!months) return [];
    const paced = { ...g, target: g.target / months };
    return trendGoals([paced], chart, months === 1 ? labels.goal : labels.goalPerMonth);
  });
}
