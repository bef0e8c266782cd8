import { describe, expect, it } from 'vitest';
import { goalProgress, type Goal, type GoalPoint } from './goals.js';
import { addDays } from './time.js';

const MARCH = { periodStart: '2024-03-01', periodEnd: '2024-04-01' };
const YUAN = 100;

function daily(values: readonly number[], from = '2024-03-01'): GoalPoint[] {
  return values.map((value, i) => ({ date: addDays(from, i), value }));
}

describe('goalProgress for additive metrics', () => {
  const gmvGoal: Goal = { metric: 'gmv', ...MARCH, target: 1_000_000 * YUAN, goodDirection: 'up' };

  it('when ¥450k of a ¥1M March GMV goal is in after 15 days, then progress is 45% and the run rate misses', () => {
    const result = goalProgress({
      goal: gmvGoal,
      aggregation: 'sum',
      actuals: daily(Array(15).fill(30_000 * YUAN)),
      asOf: '2024-03-16',
    });
    expect(result).toMatchObject({
      status: 'in_progress',
      totalDays: 31,
      elapsedDays: 15,
      current: 450_000 * YUAN,
    });
    expect(result.progress.value).toBeCloseTo(0.45, 12);
    expect(result.forecast).toBeCloseTo((450_000 * YUAN * 31) / 15, 6);
    expect(result.expectedToDate).toBeCloseTo((1_000_000 * YUAN * 15) / 31, 6);
    expect(result.onTrack).toBe(false);
  });

  it('when ¥500k is in after 15 days, then the run rate reaches the goal', () => {
    const result = goalProgress({
      goal: gmvGoal,
      aggregation: 'sum',
      actuals: daily(Array(15).fill((500_000 * YUAN) / 15)),
      asOf: '2024-03-16',
    });
    expect(result.onTrack).toBe(true);
  });

  it('when points fall outside the period or on or after asOf, then they are not counted', () => {
    const result = goalProgress({
      goal: gmvGoal,
      aggregation: 'sum',
      actuals: [
        { date: '2024-02-29', value: 1 },
        { date: '2024-03-01', value: 10 },
        { date: '2024-03-16', value: 1_000 },
      ],
      asOf: '2024-03-16',
    });
    expect(result.current).toBe(10);
  });

  it('when a cost budget should stay under ¥300k and ¥120k is spent in 15 days, then progress is target ÷ actual and it is on track', () => {
    const result = goalProgress({
      goal: { metric: 'private_cost', ...MARCH, target: 300_000 * YUAN, goodDirection: 'down' },
      aggregation: 'sum',
      actuals: daily(Array(15).fill(8_000 * YUAN)),
      asOf: '2024-03-16',
    });
    expect(result.progress.value).toBe(2.5);
    expect(result.forecast).toBeCloseTo(248_000 * YUAN, 6);
    expect(result.onTrack).toBe(true);
  });

  it('when the period has ended, then the forecast is the actual and on-track means achieved', () => {
    const result = goalProgress({
      goal: gmvGoal,
      aggregation: 'sum',
      actuals: daily(Array(31).fill(40_000 * YUAN)),
      asOf: '2024-05-01',
    });
    expect(result).toMatchObject({
      status: 'ended',
      elapsedDays: 31,
      forecast: 1_240_000 * YUAN,
      onTrack: true,
    });
  });

  it('when the period has not started, then progress and forecast are null with a reason', () => {
    const result = goalProgress({
      goal: gmvGoal,
      aggregation: 'sum',
      actuals: [],
      asOf: '2024-02-20',
    });
    expect(result).toMatchObject({
      status: 'not_started',
      current: null,
      forecast: null,
      onTrack: null,
    });
    expect(result.progress.value).toBeNull();
    expect(result.reason).toMatch(/not started/);
  });

  it('when the target is zero, then progress is null, never Infinity', () => {
    const result = goalProgress({
      goal: { ...gmvGoal, target: 0 },
      aggregation: 'sum',
      actuals: daily([5]),
      asOf: '2024-03-02',
    });
    expect(result.progress.value).toBeNull();
    expect(result.progress.reason).toBeDefined();
  });
});

describe('goalProgress for rates', () => {
  it('when the 48-hour response rate climbs a point a day from 70%, then the trend line forecasts the 80% target met', () => {
    const result = goalProgress({
      goal: { metric: 'response_rate_48h', ...MARCH, target: 0.8, goodDirection: 'up' },
      aggregation: 'level',
      actuals: daily(Array.from({ length: 10 }, (_, i) => 0.7 + i * 0.01)),
      asOf: '2024-03-11',
      bounds: { min: 0, max: 1 },
    });
    expect(result.current).toBeCloseTo(0.79, 12);
    expect(result.progress.value).toBeCloseTo(0.79 / 0.8, 12);
    expect(result.forecast).toBeCloseTo(1, 12); // 0.70 + 30 × 0.01, capped at 1
    expect(result.expectedToDate).toBe(0.8);
    expect(result.onTrack).toBe(true);
  });

  it('when the guide rate holds at 4% against the seed’s 5%, then it is off track', () => {
    const result = goalProgress({
      goal: { metric: 'guide_rate', ...MARCH, target: 0.05, goodDirection: 'up' },
      aggregation: 'level',
      actuals: daily([0.04, 0.04, 0.04]),
      asOf: '2024-03-04',
    });
    expect(result.forecast).toBeCloseTo(0.04, 12);
    expect(result.onTrack).toBe(false);
  });

  it('when a lower-is-better rate sits at 8% against 5%, then progress is 62.5% and it is off track', () => {
    const result = goalProgress({
      goal: { metric: 'return_rate', ...MARCH, target: 0.05, goodDirection: 'down' },
      aggregation: 'level',
      actuals: daily([0.08]),
      asOf: '2024-03-05',
    });
    expect(result.progress.value).toBeCloseTo(0.625, 12);
    expect(result.forecast).toBe(0.08);
    expect(result.onTrack).toBe(false);
  });

  it('when a rate has no points yet, then current, forecast and on-track are null', () => {
    const result = goalProgress({
      goal: { metric: 'guide_rate', ...MARCH, target: 0.05, goodDirection: 'up' },
      aggregation: 'level',
      actuals: [],
      asOf: '2024-03-10',
    });
    expect(result).toMatchObject({ current: null, forecast: null, onTrack: null });
    expect(result.reason).toMatch(/no data/);
  });
});
