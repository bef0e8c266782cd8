import { describe, expect, it } from 'vitest';
import { latestDataDay } from './as-of';

describe('latest data day', () => {
  it('when the summary window already ends on the data, then that day is kept', () => {
    expect(latestDataDay('2026-10-01', [{ period: '2026-09-28', orders: 12 }])).toBe('2026-09-30');
  });

  it('when the summary window ends today but orders stopped weeks ago, then the last week with orders bounds it', () => {
    expect(
      latestDataDay('2026-12-03', [
        { period: '2026-09-28', orders: 12 },
        { period: '2026-10-05', orders: 0 },
      ]),
    ).toBe('2026-10-04');
  });
});
