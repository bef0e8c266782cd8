import { describe, expect, it } from 'vitest';
import { redLinesOption } from '@yugang/charts';
import type { LineSeriesOption } from 'echarts';
import {
  accountAlerts,
  defaultRedLineAccount,
  highlightParts,
  latestAlerts,
  redLineSeries,
} from './risk-rows';

const alert = (
  accountId: string,
  date: string,
  level: 'alert' | 'advice',
  rule = 'active_adds',
) => ({
  accountId,
  date,
  rule,
  level,
  value: 12,
  limit: 10,
  newAccount: false,
});
const risk = {
  alerts: [
    alert('b', '2026-03-02', 'advice'),
    alert('a', '2026-03-01', 'alert'),
    alert('c', '2026-03-02', 'alert', 'mass_sends'),
  ],
} as unknown as Parameters<typeof latestAlerts>[0];

describe('risk rows', () => {
  it('takes the latest day with alerts, alerts before advice', () => {
    const today = latestAlerts(risk);
    expect(today.date).toBe('2026-03-02');
    expect(today.alerts.map((a) => [a.accountId, a.level])).toEqual([
      ['c', 'alert'],
      ['b', 'advice'],
    ]);
    expect(latestAlerts({ alerts: [] } as unknown as typeof risk)).toEqual({
      date: null,
      alerts: [],
    });
  });

  it('lists one account’s alerts newest first', () => {
    expect(accountAlerts(risk, 'a').map((a) => a.date)).toEqual(['2026-03-01']);
  });

  it('cuts the text at each matched word and skips overlapping matches', () => {
    const text = '点击领取最高返现，加微信';
    const matches = [
      { word: '加微信', index: 9, length: 3, text: '加微信' },
      { word: '返现', index: 6, length: 2, text: '返现' },
      { word: '最高返现', index: 4, length: 4, text: '最高返现' },
    ];
    expect(highlightParts(text, matches)).toEqual([
      { text: '点击领取', word: null },
      { text: '最高返现', word: '最高返现' },
      { text: '，', word: null },
      { text: '加微信', word: '加微信' },
    ]);
    expect(highlightParts('ok', [])).toEqual([{ text: 'ok', word: null }]);
  });

  it('lays an account’s red-line days over every day of the window and counts the days over a line', () => {
    const day = (date: string, activeAdds: number, crossed: string[]) => ({
      date,
      activeAdds,
      passiveAdds: 1,
      massSends: 0,
      newAccount: true,
      crossed,
    });
    const withLines = {
      window: { from: '2026-03-01', to: '2026-03-04' },
      byAccount: [
        { accountId: 'a', alertDays: 1, alerts: 1, advice: 0 },
        { accountId: 'c', alertDays: 2, alerts: 2, advice: 0 },
      ],
      redLines: [
        {
          accountId: 'a',
          days: [day('2026-03-01', 12, ['active_adds']), day('2026-03-03', 2, [])],
        },
      ],
    } as unknown as Parameters<typeof redLineSeries>[0];
    const series = redLineSeries(withLines, 'a');
    expect(series).toEqual({
      dates: ['2026-03-01', '2026-03-02', '2026-03-03'],
      values: { activeAdds: [12, null, 2], passiveAdds: [1, null, 1], massSends: [0, null, 0] },
      crossedDays: 1,
    });
    expect(defaultRedLineAccount(withLines)).toBe('c');
    const option = redLinesOption({
      locale: 'en',
      title: 'a',
      dates: series.dates,
      values: series.values,
      limits: { activeAdds: 10, passiveAdds: 30, massSends: 1 },
    });
    expect((option.series as LineSeriesOption[])[0]!.data).toEqual([
      { value: 12, itemStyle: { color: '#cf222e' } },
      null,
      2,
    ]);
  });
});
