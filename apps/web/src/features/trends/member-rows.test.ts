import { trendLineOption } from '@yugang/charts';
import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { metricGoals, trendAnnotations } from '../../lib/goal-lines';
import { memberRows } from './member-rows';

const ev = (value: number) => ({ value, numerator: value, denominator: 1 });

const trend = {
  grain: 'month' as const,
  points: [
    {
      period: '2026-08-01',
      private_members: ev(1200),
      new_private_members: ev(150),
      churned_members: ev(30),
    },
    {
      period: '2026-09-01',
      private_members: ev(1320),
      new_private_members: ev(160),
      churned_members: ev(40),
    },
  ],
};

describe('memberRows', () => {
  it('when the trend has two months, then each figure becomes a private-only row per month', () => {
    expect(memberRows(trend, 'private_members')).toEqual([
      { period: '2026-08', private: 1200 },
      { period: '2026-09', private: 1320 },
    ]);
    expect(memberRows(trend, 'new_private_members').map((r) => r.private)).toEqual([150, 160]);
  });

  it('when drawn, then the chart has the private line only and no legend', () => {
    const option = trendLineOption({
      locale: 'zh-CN',
      title: '私域会员数',
      unit: 'count',
      rows: memberRows(trend, 'private_members'),
      unfinishedLast: true,
    });
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => s.id)).toEqual(['private', 'private-unfinished']);
    expect(series[0]!.data).toEqual([1200, null]);
    expect(series[1]!.data).toEqual([1200, 1320]);
    expect(option.legend).toMatchObject({ show: false });
  });

  const goal = (metric: string, periodStart: string, periodEnd: string, target: number) => ({
    metric,
    segment: 'private' as const,
    periodStart,
    periodEnd,
    target,
  });
  const chart = { from: '2026-08-01', to: '2026-10-01', grain: 'month' as const };
  const labels = { goal: '目标', goalPerMonth: '目标（月均）', goalPerWeek: '目标（周均）' };

  it('when a goal and an annotation are given, then the members chart draws the goal line and the marker and says both', () => {
    const rows = memberRows(trend, 'private_members');
    const option = trendLineOption({
      locale: 'zh-CN',
      title: '私域会员数',
      unit: 'count',
      rows,
      goals: metricGoals(
        [goal('private_members', '2026-09-01', '2026-10-01', 1400)],
        'private_members',
        chart,
        labels,
      ),
      annotations: trendAnnotations([{ date: '2026-09-12', text: '社群拉新' }], rows, 'month'),
      unfinishedLast: true,
    });
    const marks = (option.series as LineSeriesOption[])[0]!.markLine!.data as {
      yAxis?: number;
      xAxis?: string;
    }[];
    expect(marks).toMatchObject([{ yAxis: 1400 }, { xAxis: '2026-09' }]);
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('目标线 目标：1,400');
    expect(aria).toContain('标注 2026-09：社群拉新');
    expect(aria).toContain('2026-09 尚未结束，以虚线表示');
  });
});
