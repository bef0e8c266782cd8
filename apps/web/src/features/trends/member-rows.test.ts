import { trendLineOption } from '@yugang/charts';
import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
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
});
