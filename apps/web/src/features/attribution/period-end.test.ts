import { describe, expect, it } from 'vitest';
import { lastPeriodUnfinished } from './period-end';

describe('lastPeriodUnfinished', () => {
  it('is true when the last month or week ends after the window', () => {
    expect(lastPeriodUnfinished(['2026-11', '2026-12'], 'month', '2026-12-02')).toBe(true);
    expect(lastPeriodUnfinished(['2026-10', '2026-11'], 'month', '2026-12-01')).toBe(false);
    expect(lastPeriodUnfinished(['2026-11-23', '2026-11-30'], 'week', '2026-12-02')).toBe(true);
    expect(lastPeriodUnfinished(['2026-11-23'], 'week', '2026-11-30')).toBe(false);
    expect(lastPeriodUnfinished([], 'month', '2026-12-02')).toBe(false);
  });
});
