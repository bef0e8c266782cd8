import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { creditSplitOption } from './credit-split.js';

const rows = [
  {
    period: '2026-08',
    firstPrivate: 500,
    firstPublic: 1500,
    repeatPrivate: 3000,
    repeatPublic: 200,
  },
  { period: '2026-09', firstPrivate: 600, firstPublic: 1400, repeatPrivate: 3500, repeatPublic: 0 },
];

describe('creditSplitOption', () => {
  it('when rows are given, then private and public each stack repurchase and first order per period', () => {
    const option = creditSplitOption({ locale: 'zh-CN', title: '业绩拆分', rows });
    const series = option.series as BarSeriesOption[];
    expect(series.map((s) => [s.name, s.stack])).toEqual([
      ['复购 · 私域', 'private'],
      ['首单 · 私域', 'private'],
      ['复购 · 公域', 'public'],
      ['首单 · 公域', 'public'],
    ]);
    expect(series[0]!.data).toEqual([3000, 3500]);
    expect(series[3]!.data).toEqual([1500, 1400]);
    expect(option.xAxis).toMatchObject({ data: ['2026-08', '2026-09'] });
  });

  it('when in English, then the aria text names each part with its first and last value', () => {
    const option = creditSplitOption({ locale: 'en', title: 'Credit split', rows });
    const aria = option.aria as { label: { description: string } };
    expect(aria.label.description).toContain('Credit split');
    expect(aria.label.description).toContain(
      'First order · private: from ¥500.00 in 2026-08 to ¥600.00 in 2026-09',
    );
  });

  it('when a note falls on a shown period, then a dotted line marks its column and the aria text reads it; a note outside the periods is left out', () => {
    const option = creditSplitOption({
      locale: 'zh-CN',
      title: '业绩拆分',
      rows,
      annotations: [
        { period: '2026-09', text: '社群拉新' },
        { period: '2026-07', text: '范围外' },
      ],
    });
    const series = option.series as BarSeriesOption[];
    expect(series[0]!.markLine?.data).toMatchObject([
      { xAxis: '2026-09', label: { formatter: '社群拉新' } },
    ]);
    expect(series.slice(1).every((s) => s.markLine === undefined)).toBe(true);
    const aria = option.aria as { label: { description: string } };
    expect(aria.label.description).toContain('标注 2026-09：社群拉新。');
    expect(aria.label.description).not.toContain('范围外');
  });
});
