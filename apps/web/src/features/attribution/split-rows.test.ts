import { creditSplitOption } from '@yugang/charts';
import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { splitByChannel, splitByPeriod } from './split-rows';

const row = (
  period: string,
  channel: string,
  domain: 'public' | 'private',
  order: 'first' | 'repeat',
  pub: number,
  priv: number,
) => ({ period, channel, domain, order, public: pub, private: priv, total: pub + priv });

const split = {
  grain: 'month' as const,
  window: { from: '2026-07-15', to: '2026-10-01' },
  rows: [
    row('2026-07', 'tmall', 'public', 'first', 100, 0),
    row('2026-07', 'wecom', 'private', 'first', 50.1, 50.1),
    row('2026-09', 'tmall', 'public', 'repeat', 0, 30),
    row('2026-09', 'wecom', 'private', 'repeat', 20, 200),
  ],
};

describe('split rows', () => {
  it('when a month has no orders, then it is a zero row, and each order kind and side lands in its part', () => {
    expect(splitByPeriod(split)).toEqual([
      {
        period: '2026-07',
        firstPrivate: 50.1,
        firstPublic: 150.1,
        repeatPrivate: 0,
        repeatPublic: 0,
      },
      { period: '2026-08', firstPrivate: 0, firstPublic: 0, repeatPrivate: 0, repeatPublic: 0 },
      { period: '2026-09', firstPrivate: 0, firstPublic: 0, repeatPrivate: 230, repeatPublic: 20 },
    ]);
  });

  it('when summed per channel, then the largest credited GMV comes first', () => {
    expect(splitByChannel(split)).toEqual([
      {
        channel: 'wecom',
        domain: 'private',
        total: 320.2,
        firstPrivate: 50.1,
        firstPublic: 50.1,
        repeatPrivate: 200,
        repeatPublic: 20,
      },
      {
        channel: 'tmall',
        domain: 'public',
        total: 130,
        firstPrivate: 0,
        firstPublic: 100,
        repeatPrivate: 30,
        repeatPublic: 0,
      },
    ]);
  });

  it('when drawn, then the stacked columns carry the period rows', () => {
    const option = creditSplitOption({ locale: 'en', title: 'x', rows: splitByPeriod(split) });
    const series = option.series as BarSeriesOption[];
    expect(series.find((s) => s.id === 'repeatPrivate')!.data).toEqual([0, 0, 230]);
  });
});
