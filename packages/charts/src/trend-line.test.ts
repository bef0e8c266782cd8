import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { niceCeil, trendLineOption, type TrendLineInput } from './trend-line.js';

const rows = [
  { period: '2026-W01', private: 12000, public: 30000 },
  { period: '2026-W02', private: 15000, public: 28000 },
  { period: '2026-W03', private: 21000, public: 26000 },
];

function seriesOf(input: TrendLineInput): LineSeriesOption[] {
  return trendLineOption(input).series as LineSeriesOption[];
}

describe('trendLineOption', () => {
  it('when there are public values, then it draws a private and a public line', () => {
    const series = seriesOf({ locale: 'zh-CN', title: 'GMV', unit: 'money', rows });
    expect(series.map((s) => s.name)).toEqual(['私域', '公域']);
    expect(series[0]!.data).toEqual([12000, 15000, 21000]);
    expect(series[1]!.data).toEqual([30000, 28000, 26000]);
    expect(series.every((s) => s.lineStyle?.type === 'solid')).toBe(true);
  });

  it('when the last period is unfinished, then its segment is a dashed series under the same name', () => {
    const series = seriesOf({
      locale: 'en',
      title: 'GMV',
      unit: 'money',
      rows,
      unfinishedLast: true,
    });
    expect(series.map((s) => [s.id, s.name, s.lineStyle?.type])).toEqual([
      ['private', 'Private', 'solid'],
      ['private-unfinished', 'Private', 'dashed'],
      ['public', 'Public', 'solid'],
      ['public-unfinished', 'Public', 'dashed'],
    ]);
    expect(series[0]!.data).toEqual([12000, 15000, null]);
    expect(series[1]!.data).toEqual([null, 15000, 21000]);
  });

  it('when goals and annotations are given, then they become markLine and markArea on the private line', () => {
    const series = seriesOf({
      locale: 'zh-CN',
      title: 'GMV',
      unit: 'money',
      rows,
      goals: [
        { value: 20000, label: '目标' },
        { from: 10000, to: 14000, label: '区间' },
      ],
      annotations: [{ period: '2026-W02', text: '直播' }],
    });
    const data = series[0]!.markLine!.data as {
      yAxis?: number;
      xAxis?: string;
      label?: { formatter?: string };
    }[];
    expect(data[0]).toMatchObject({ yAxis: 20000, label: { formatter: '目标 ¥2万' } });
    expect(data[1]).toMatchObject({ xAxis: '2026-W02', label: { formatter: '直播' } });
    expect(series[0]!.markArea!.data).toEqual([[{ name: '区间', yAxis: 10000 }, { yAxis: 14000 }]]);
    expect(series[1]!.markLine).toBeUndefined();
  });

  it('formats the value axis with ¥/万/亿 in zh-CN and K/M in en', () => {
    const zh = trendLineOption({ locale: 'zh-CN', title: 'GMV', unit: 'money', rows });
    const en = trendLineOption({ locale: 'en', title: 'GMV', unit: 'money', rows });
    const fmt = (o: typeof zh) =>
      (o.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(fmt(zh)(250_000_000)).toBe('¥2.5亿');
    expect(fmt(zh)(20000)).toBe('¥2万');
    expect(fmt(en)(1_200_000)).toBe('¥1.2M');
  });

  it('when no row has a public value, then only the private line and no legend', () => {
    const option = trendLineOption({
      locale: 'en',
      title: 'Members',
      unit: 'count',
      rows: rows.map((r) => ({ period: r.period, private: r.private })),
    });
    expect((option.series as LineSeriesOption[]).map((s) => s.id)).toEqual(['private']);
    expect((option.legend as { show: boolean }).show).toBe(false);
  });

  it('writes its own aria description with the categories in order', () => {
    const option = trendLineOption({ locale: 'en', title: 'GMV', unit: 'money', rows });
    const aria = option.aria as { enabled: boolean; label: { description: string } };
    expect(aria.enabled).toBe(true);
    expect(aria.label.description).toContain('2026-W01 to 2026-W03');
    expect(aria.label.description).toContain('Private: from ¥12,000.00 in 2026-W01');
  });

  it('when a goal is above every value, then the value axis reaches a round number above it, so its line is drawn', () => {
    const yMax = (goals: TrendLineInput['goals']) =>
      (
        trendLineOption({ locale: 'zh-CN', title: '会员', unit: 'count', rows, goals }).yAxis as {
          max?: number;
        }
      ).max;
    const top = Math.max(...rows.map((r) => Math.max(r.private ?? 0, r.public ?? 0)));
    expect(yMax([{ value: top * 3 }])).toBe(niceCeil(top * 3 * 1.05));
    expect(yMax([{ value: top * 3 }])).toBeGreaterThan(top * 3);
    expect(yMax([{ from: 0, to: top * 2 }])).toBeGreaterThan(top * 2);
    expect(yMax([{ value: top / 2 }])).toBeUndefined();
    expect(yMax(undefined)).toBeUndefined();
  });

  it('when an annotation stands nearer the right edge, then the goal label moves to the start, where the marker label cannot run over it', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map(
      (period, i) => ({ period, private: 100 + i }),
    );
    const goalLabel = (annotations: TrendLineInput['annotations']) => {
      const data = seriesOf({
        locale: 'zh-CN',
        title: '新增私域会员',
        unit: 'count',
        rows: months,
        goals: [{ value: 104, label: '目标（月均）' }],
        annotations,
      })[0]!.markLine!.data as { yAxis?: number; label?: { position?: string } }[];
      return data.find((d) => d.yAxis === 104)!.label!.position;
    };
    expect(goalLabel(undefined)).toBe('insideEndTop');
    expect(goalLabel([{ period: '2026-05', text: '社群拉新活动' }])).toBe('insideStartTop');
    expect(goalLabel([{ period: '2026-06', text: '社群拉新活动' }])).toBe('insideStartTop');
    expect(goalLabel([{ period: '2026-02', text: '618' }])).toBe('insideEndTop');
    expect(goalLabel([{ period: '2026-03', text: '中' }])).toBe('insideEndTop');
    expect(goalLabel([{ period: '2025-12', text: 'not on the chart' }])).toBe('insideEndTop');
  });

  it('when a goal line sits in the upper half of the axis, then the marker label hangs at the bottom, out of the goal label’s reach', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'].map((period, i) => ({
      period,
      private: 100 + 10 * i,
    }));
    const markerLabel = (goals: TrendLineInput['goals']) => {
      const data = seriesOf({
        locale: 'en',
        title: 'Credited GMV',
        unit: 'money',
        rows: months,
        goals,
        annotations: [{ period: '2026-03', text: 'community drive' }],
      })[0]!.markLine!.data as { xAxis?: string; label?: { position?: string } }[];
      return data.find((d) => d.xAxis === '2026-03')!.label!.position;
    };
    // the axis tops out at 200 for data up to 130
    expect(markerLabel(undefined)).toBe('insideEndTop');
    expect(markerLabel([{ value: 60, label: 'Goal' }])).toBe('insideEndTop');
    expect(markerLabel([{ value: 120, label: 'Goal' }])).toBe('insideStartTop');
    expect(markerLabel([{ value: 60 }, { value: 400, label: 'Stretch' }])).toBe('insideStartTop');
    expect(markerLabel([{ from: 150, to: 180, label: 'Band' }])).toBe('insideEndTop');
  });

  it('rounds an axis top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([7925, 348, 1, 0.12, 2500, 2501].map(niceCeil)).toEqual([
      10_000, 500, 1, 0.2, 2500, 5000,
    ]);
  });
});
