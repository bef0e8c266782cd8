/** The trends answer as chart rows, goal lines and annotation markers. Pure. */
import type { ResponseOf, trendsContract } from '@yugang/contract';
import type { TrendAnnotation, TrendGoal, TrendRow } from '@yugang/charts';

type Trends = Pick<ResponseOf<typeof trendsContract.get>, 'grain' | 'points'>;

/** What a goal line needs of a goal (GET …/goals and the trends answer both carry it). */
export interface GoalSpan {
  segment: 'public' | 'private' | 'all';
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  target: number;
}

/** 'YYYY-MM' for months, the Monday 'YYYY-MM-DD' for weeks. */
export function periodLabel(period: string, grain: 'week' | 'month'): string {
  return grain === 'month' ? period.slice(0, 7) : period;
}

export function trendRows(trends: Trends): TrendRow[] {
  return trends.points.map((p) => ({
    period: periodLabel(p.period, trends.grain),
    private: p.private.value,
    public: p.public.value,
  }));
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

/** Annotations inside the chart, each on the period that holds its date. */
export function trendAnnotations(
  annotations: readonly { date: string; text: string }[],
  rows: readonly TrendRow[],
  grain: 'week' | 'month',
): TrendAnnotation[] {
  const periods = rows.map((r) => r.period);
  return annotations.flatMap((a) => {
    const period =
      grain === 'month' ? a.date.slice(0, 7) : [...periods].reverse().find((p) => p <= a.date);
    return period && periods.includes(period) ? [{ period, text: a.text }] : [];
  });
}
