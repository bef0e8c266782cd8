import { describe, expect, it } from 'vitest';
import { delta, formatFigure } from './format';

describe('figures', () => {
  it('when money arrives in yuan, then it prints in 万 for zh-CN and K for en', () => {
    expect(formatFigure(123456.7, 'money', 'zh-CN', true)).toBe('¥12.3万');
    expect(formatFigure(123456.7, 'money', 'en', true)).toBe('¥123K');
    expect(formatFigure(1234.5, 'money', 'en')).toBe('¥1,234.50');
    expect(formatFigure(null, 'money', 'en')).toBe('—');
  });

  it('when a rate changes, then the delta is in percentage points with a sign', () => {
    expect(delta(0.35, 0.32, 'ratio', 'zh-CN')).toEqual({ direction: 'up', text: '+3.0 个百分点' });
    expect(delta(0.3, 0.32, 'ratio', 'en')).toEqual({ direction: 'down', text: '-2.0 pp' });
  });

  it('when an amount changes, then the delta is relative, and missing without a base', () => {
    expect(delta(110, 100, 'money', 'en')).toEqual({ direction: 'up', text: '+10.0%' });
    expect(delta(90, 100, 'count', 'en')).toEqual({ direction: 'down', text: '-10.0%' });
    expect(delta(5, 0, 'count', 'en')).toBeNull();
    expect(delta(5, null, 'count', 'en')).toBeNull();
    expect(delta(100.01, 100, 'count', 'en')).toEqual({ direction: 'flat', text: '0.0%' });
  });
});
