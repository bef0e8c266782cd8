import { describe, expect, it } from 'vitest';
import { accountAlerts, highlightParts, latestAlerts } from './risk-rows';

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
});
