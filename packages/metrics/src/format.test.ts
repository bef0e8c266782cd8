import { describe, expect, it } from 'vitest';
import { ratio } from './evidence.js';
import {
  MISSING,
  formatDays,
  formatHours,
  formatMoney,
  formatMonths,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatPercentPointDelta,
  formatPerBuyer,
  formatScore,
  formatStage,
  formatValue,
} from './format.js';

describe('formatMoney', () => {
  it('when fen are formatted in full, then yuan show two decimals, grouped, with ¥', () => {
    expect(formatMoney(1234.56, 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(1234.56, 'en')).toBe('¥1,234.56');
    expect(formatMoney(0.05, 'en')).toBe('¥0.05');
    expect(formatMoney(0, 'zh-CN')).toBe('¥0.00');
    expect(formatMoney(-1234.56, 'zh-CN')).toBe('-¥1,234.56');
  });

  it('when a trillion yuan is formatted in full, then every fen is kept', () => {
    expect(formatMoney(1_000_000_000_000, 'en')).toBe('¥1,000,000,000,000.00');
    expect(formatMoney(999_999_999_999.99, 'zh-CN')).toBe('¥999,999,999,999.99');
  });

  it('when zh-CN money is compact, then it uses 万 and 亿 with 3 significant digits', () => {
    expect(formatMoney(12_345.67, 'zh-CN', { compact: true })).toBe('¥1.23万');
    expect(formatMoney(123_456.78, 'zh-CN', { compact: true })).toBe('¥12.3万');
    expect(formatMoney(1_234_567.89, 'zh-CN', { compact: true })).toBe('¥123万');
    expect(formatMoney(340_000_000, 'zh-CN', { compact: true })).toBe('¥3.4亿');
    expect(formatMoney(1_000_000_000_000, 'zh-CN', { compact: true })).toBe('¥1万亿');
    expect(formatMoney(-12_345.67, 'zh-CN', { compact: true })).toBe('-¥1.23万');
  });

  it('when en money is compact, then it uses K, M, B and T', () => {
    expect(formatMoney(12_345.67, 'en', { compact: true })).toBe('¥12.3K');
    expect(formatMoney(1_200_000, 'en', { compact: true })).toBe('¥1.2M');
    expect(formatMoney(3_400_000_000, 'en', { compact: true })).toBe('¥3.4B');
    expect(formatMoney(1_000_000_000_000, 'en', { compact: true })).toBe('¥1T');
  });

  it('when compact rounding reaches the next scale, then the next scale is used', () => {
    expect(formatMoney(9999.99, 'zh-CN', { compact: true })).toBe('¥1万'); // ¥9,999.99
    expect(formatMoney(99_995_000, 'zh-CN', { compact: true })).toBe('¥1亿'); // 9,999.5万
    expect(formatMoney(999_500, 'en', { compact: true })).toBe('¥1M'); // 999.5K
    expect(formatMoney(99_949_999.99, 'zh-CN', { compact: true })).toBe('¥9,995万');
  });

  it('when compact money is below the first scale, then it keeps the integer and at most the fen', () => {
    expect(formatMoney(1234.56, 'zh-CN', { compact: true })).toBe('¥1,235');
    expect(formatMoney(12.3, 'zh-CN', { compact: true })).toBe('¥12.3');
    expect(formatMoney(0.05, 'zh-CN', { compact: true })).toBe('¥0.05');
    expect(formatMoney(0, 'en', { compact: true })).toBe('¥0');
  });

  it('when the value is missing, then it shows a dash', () => {
    expect(formatMoney(null, 'zh-CN')).toBe(MISSING);
    expect(formatMoney(undefined, 'en', { compact: true })).toBe('—');
    expect(formatMoney(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatNumber', () => {
  it('when a number is formatted, then it is grouped and rounded half away from zero exactly', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234, 'zh-CN')).toBe('1,234');
    expect(formatNumber(1.005, 'en')).toBe('1.01'); // 1.005 in binary is 1.00499…
    expect(formatNumber(-2.5, 'en', { digits: 0 })).toBe('-3');
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatNumber(1e15, 'en')).toBe('1,000,000,000,000,000');
  });

  it('when a number is compact, then zh-CN uses 万/亿/万亿 and en K/M/B/T', () => {
    expect(formatNumber(12345, 'zh-CN', { compact: true })).toBe('1.23万');
    expect(formatNumber(12345, 'en', { compact: true })).toBe('12.3K');
    expect(formatNumber(250_000_000, 'zh-CN', { compact: true })).toBe('2.5亿');
    expect(formatNumber(2_500_000_000, 'en', { compact: true })).toBe('2.5B');
    expect(formatNumber(1e12, 'zh-CN', { compact: true })).toBe('1万亿');
    expect(formatNumber(1e15, 'en', { compact: true })).toBe('1,000T');
    expect(formatNumber(9999.5, 'zh-CN', { compact: true })).toBe('1万');
    expect(formatNumber(-12.345, 'en', { compact: true })).toBe('-12.3');
  });
});

describe('formatPercent', () => {
  it('when a ratio is formatted, then it shows percent with fixed digits', () => {
    expect(formatPercent(0.123, 'zh-CN')).toBe('12.3%');
    expect(formatPercent(0.05, 'en')).toBe('5.0%');
    expect(formatPercent(0.1235, 'en')).toBe('12.4%');
    expect(formatPercent(0.12345, 'en', { digits: 2 })).toBe('12.35%');
    expect(formatPercent(-0.2, 'en')).toBe('-20.0%');
    expect(formatPercent(0.05, 'en', { signed: true })).toBe('+5.0%');
  });

  it('when a tiny negative ratio rounds to zero, then no minus sign is shown', () => {
    expect(formatPercent(-0.00001, 'en')).toBe('0.0%');
  });

  it('when an Evidence has a null value, then it shows a dash', () => {
    expect(formatPercent(ratio(1, 0), 'zh-CN')).toBe('—');
    expect(formatPercent(ratio(1, 4), 'zh-CN')).toBe('25.0%');
  });
});

describe('formatPercentPointDelta', () => {
  it('when two rates differ, then the difference is signed in percentage points', () => {
    expect(formatPercentPointDelta(0.012, 'en')).toBe('+1.2 pp');
    expect(formatPercentPointDelta(-0.012, 'en')).toBe('-1.2 pp');
    expect(formatPercentPointDelta(0.012, 'zh-CN')).toBe('+1.2 个百分点');
    expect(formatPercentPointDelta(0, 'en')).toBe('0.0 pp');
    expect(formatPercentPointDelta(null, 'en')).toBe('—');
  });
});

describe('durations and other units', () => {
  it('when days, hours and months are formatted, then each locale has its words', () => {
    expect(formatDays(3, 'zh-CN')).toBe('3 天');
    expect(formatDays(1, 'en')).toBe('1 day');
    expect(formatDays(2.5, 'en')).toBe('2.5 days');
    expect(formatHours(1, 'en')).toBe('1 hour');
    expect(formatHours(2.55, 'zh-CN')).toBe('2.6 小时');
    expect(formatMonths(8, 'zh-CN')).toBe('第 8 个月');
    expect(formatMonths(8, 'en')).toBe('month 8');
    expect(formatMonths(null, 'en')).toBe('—');
  });

  it('when multiples, frequencies, scores and stages are formatted, then they read naturally', () => {
    expect(formatMultiple(2.4, 'zh-CN')).toBe('2.4 倍');
    expect(formatMultiple(3, 'en')).toBe('3×');
    expect(formatPerBuyer(2.1, 'zh-CN')).toBe('2.1 次');
    expect(formatPerBuyer(1, 'en')).toBe('1 order');
    expect(formatScore(72.4, 'zh-CN')).toBe('72 分');
    expect(formatStage(1, 'zh-CN')).toBe('0→1 阶段');
    expect(formatStage(3, 'en')).toBe('stage 10→100');
    expect(formatStage(4, 'en')).toBe('—');
  });

  it('when a catalog unit is given, then formatValue picks the matching formatter', () => {
    expect(formatValue(1234.56, 'money', 'zh-CN')).toBe('¥1,234.56');
    expect(formatValue(1234.56, 'money', 'zh-CN', { compact: true })).toBe('¥1,235');
    expect(formatValue(0.27, 'ratio', 'en')).toBe('27.0%');
    expect(formatValue(12345.6, 'count', 'en')).toBe('12,346');
    expect(formatValue(8, 'months', 'en')).toBe('month 8');
    expect(formatValue(null, 'multiple', 'en')).toBe('—');
  });
});
