/**
 * Goals (METRICS.md §8; seed 002 §4.1 目的 · 指标 · 边界): progress of a metric towards its
 * target for a period and a linear forecast to the period's end.
 *
 * The period is half-open [periodStart, periodEnd) in local dates, like every window; `asOf`
 * is a local date and exclusive too: the points used are those dated before it.
 *
 * - 'sum' metrics (GMV, orders, new members, costs…): the value so far is the sum of the daily
 *   points; the forecast is the run rate, sum so far × total days / elapsed days.
 * - 'level' metrics (rates, ROI, averages…): the value so far is the latest point; the forecast
 *   extends the least-squares line through the period's points to its last day (the latest value
 *   when there are fewer than two dates).
 *
 * progress follows the catalog's goal_progress: actual ÷ target when higher is better, target ÷
 * actual when lower is better. on track: forecast ≥ target (up) or ≤ target (down).
 */
import { ratio, type Evidence } from './evidence.js';
import { daysBetween } from './time.js';

export type GoalDirection = 'up' | 'down';
export type GoalAggregation = 'sum' | 'level';

export interface Goal {
  /** A catalog metric id. */
  metric: string;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  target: number;
  goodDirection: GoalDirection;
}

export interface GoalPoint {
  date: string;
  value: number;
}

export interface GoalProgressInput {
  goal: Goal;
  aggregation: GoalAggregation;
  /** Daily values of the metric; for 'sum' several points on a date add up, for 'level' they are averaged. */
  actuals: readonly GoalPoint[];
  /** Exclusive local date: points dated before it are known. */
  asOf: string;
  /** Keep a 'level' forecast inside bounds (e.g. 0–1 for a rate). */
  bounds?: { min?: number; max?: number };
}

export type GoalStatus = 'not_started' | 'in_progress' | 'ended';

export interface GoalProgress {
  metric: string;
  aggregation: GoalAggregation;
  status: GoalStatus;
  totalDays: number;
  /** Days of the period before asOf (0 … totalDays). */
  elapsedDays: number;
  /** Sum so far ('sum') or the latest value ('level'); null without data. */
  current: number | null;
  /** actual ÷ target (up) or target ÷ actual (down). */
  progress: Evidence;
  /** Where the goal line stands today: target × elapsed / total for 'sum', the target for 'level'. */
  expectedToDate: number | null;
  /** Value expected at the period's end; the actual value once the period has ended. */
  forecast: number | null;
  onTrack: boolean | null;
  reason?: string;
}

function lineAt(points: ReadonlyArray<readonly [number, number]>, x: number): number | null {
  const n = points.length;
  if (n === 0) return null;
  const mx = points.reduce((s, [px]) => s + px, 0) / n;
  const my = points.reduce((s, [, py]) => s + py, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [px, py] of points) {
    sxy += (px - mx) * (py - my);
    sxx += (px - mx) * (px - mx);
  }
  if (sxx === 0) return points[n - 1]![1];
  return my + (sxy / sxx) * (x - mx);
}

export function goalProgress(input: GoalProgressInput): GoalProgress {
  const { goal, aggregation } = input;
  const totalDays = Math.max(0, daysBetween(goal.periodStart, goal.periodEnd));
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(goal.periodStart, input.asOf)));
  const status: GoalStatus =
    elapsedDays === 0 ? 'not_started' : elapsedDays >= totalDays ? 'ended' : 'in_progress';
  const known = input.actuals.filter(
    (p) =>
      p.date >= goal.periodStart &&
      p.date < goal.periodEnd &&
      p.date < input.asOf &&
      Number.isFinite(p.value),
  );
  const byDate = new Map<string, number[]>();
  for (const p of known) {
    const list = byDate.get(p.date);
    if (list) list.push(p.value);
    else byDate.set(p.date, [p.value]);
  }
  const dates = [...byDate.keys()].sort();

  let current: number | null;
  let forecast: number | null;
  let expectedToDate: number | null;
  if (aggregation === 'sum') {
    current = status === 'not_started' ? null : known.reduce((s, p) => s + p.value, 0);
    expectedToDate = totalDays === 0 ? null : (goal.target * elapsedDays) / totalDays;
    forecast =
      current === null ? null : status === 'ended' ? current : (current * totalDays) / elapsedDays;
  } else {
    const points = dates.map((d) => {
      const values = byDate.get(d)!;
      return [
        daysBetween(goal.periodStart, d),
        values.reduce((a, b) => a + b, 0) / values.length,
      ] as const;
    });
    current = points.length === 0 ? null : points[points.length - 1]![1];
    expectedToDate = goal.target;
    forecast = status === 'ended' ? current : lineAt(points, totalDays - 1);
    if (forecast !== null && input.bounds) {
      if (input.bounds.min !== undefined) forecast = Math.max(input.bounds.min, forecast);
      if (input.bounds.max !== undefined) forecast = Math.min(input.bounds.max, forecast);
    }
  }

  let progress: Evidence;
  if (current === null) {
    progress = {
      value: null,
      numerator: 0,
      denominator: goal.target,
      reason: status === 'not_started' ? 'the period has not started' : 'no data in the period yet',
    };
  } else if (goal.goodDirection === 'up') {
    progress = ratio(current, goal.target, 'the target is zero');
  } else {
    progress = ratio(goal.target, current, 'the actual value is zero');
  }
  const onTrack =
    forecast === null
      ? null
      : goal.goodDirection === 'up'
        ? forecast >= goal.target
        : forecast <= goal.target;
  const result: GoalProgress = {
    metric: goal.metric,
    aggregation,
    status,
    totalDays,
    elapsedDays,
    current,
    progress,
    expectedToDate,
    forecast,
    onTrack,
  };
  if (progress.reason) result.reason = progress.reason;
  return result;
}
