/**
 * Goals and annotations as the marks of a time axis chart: goal lines in the chart's unit and
 * markers on the period that holds each annotation's date. Shared by every feature that draws a
 * trend; the goals and annotations themselves come from the page (features never import each
 * other). Pure.
 */
import type { TrendAnnotation, TrendGoal } from '@yugang/charts';
import { daysBetween, metricById, type MetricId } from '@yugang/metrics';

/** What a goal line needs of a goal (GET …/goals and the trends answer both carry it). */
export interface GoalSpan {
  segment: 'public' | 'private' | 'all';
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  target: number;
}

export interface GoalLabels {
  goal: string;
  goalPerMonth: string;
  goalPerWeek: string;
}

/** Goals for the private side (or all) that overlap the chart's [from, to), as lines at their target. */
export function trendGoals(
  goals: readonly GoalSpan[],
  chart: { from: string; to: string },
  label: string,
): TrendGoal[] {
  return goals
    .filter((g) => g.segment !== 'public' && g.periodEnd > chart.from && g.periodStart < chart.to)
    .map((g) => ({ value: g.target, label }));
}

/** Whole calendar months in [start, end), or null when either end is not a month's first day. */
function wholeMonths(start: string, end: string): number | null {
  if (!start.endsWith('-01') || !end.endsWith('-01')) return null;
  const month = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return month(end) - month(start);
}

/**
 * The metric's goals (any metric's goals may come in) as lines on a chart of [from, to) by month
 * or week. A level (a rate, members at month end) is its target. A sum (GMV, new members) adds up
 * over the goal's period, so it is drawn at its pace per period of the chart: a goal over k whole
 * months at target ÷ k on a monthly chart (one that does not cover whole months has no honest
 * place there and is left off), target × 7 ÷ its days on a weekly one, the run rate goal
 * progress measures against.
 */
export function metricGoals(
  goals: readonly (GoalSpan & { metric: string })[],
  metric: MetricId,
  chart: { from: string; to: string; grain: 'month' | 'week' },
  labels: GoalLabels,
): TrendGoal[] {
  const own = goals.filter((g) => g.metric === metric);
  if (metricById(metric).aggregation === 'level') return trendGoals(own, chart, labels.goal);
  return own.flatMap((g) => {
    if (chart.grain === 'week') {
      const days = daysBetween(g.periodStart, g.periodEnd);
      const paced = { ...g, target: (g.target * 7) / days };
      return trendGoals([paced], chart, days === 7 ? labels.goal : labels.goalPerWeek);
    }
    const months = wholeMonths(g.periodStart, g.periodEnd);
    if (!months) return [];
    const paced = { ...g, target: g.target / months };
    return trendGoals([paced], chart, months === 1 ? labels.goal : labels.goalPerMonth);
  });
}

/** Annotations inside the chart, each on the period that holds its date. */
export function trendAnnotations(
  annotations: readonly { date: string; text: string }[],
  rows: readonly { period: string }[],
  grain: 'week' | 'month',
): TrendAnnotation[] {
  const periods = rows.map((r) => r.period);
  return annotations.flatMap((a) => {
    const period =
      grain === 'month' ? a.date.slice(0, 7) : [...periods].reverse().find((p) => p <= a.date);
    return period && periods.includes(period) ? [{ period, text: a.text }] : [];
  });
}

/** Every goal of the workspace and the annotations in a chart's range, as a page hands them in. */
export interface ChartMarks {
  goals: readonly (GoalSpan & { metric: string })[];
  annotations: readonly { date: string; text: string }[];
}
