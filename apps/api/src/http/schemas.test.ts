import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { dateRangeQuery, isoDate, resolveDateRange } from './schemas.js';

describe('isoDate', () => {
  it('when a date is well formed and exists, then it parses; otherwise it fails', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-02-29').success).toBe(false);
    expect(isoDate.safeParse('2025-1-5').success).toBe(false);
    expect(isoDate.safeParse('2025-13-01').success).toBe(false);
  });
});

describe('dateRangeQuery and resolveDateRange', () => {
  const now = new Date('2025-03-10T17:00:00Z'); // 2025-03-11 01:00 in Shanghai

  it('when nothing is given, then the window is the last 28 days including today in the workspace zone', () => {
    const query = dateRangeQuery.parse({});
    expect(resolveDateRange(query, 'Asia/Shanghai', now)).toEqual({
      from: '2025-02-12',
      to: '2025-03-12',
    });
    expect(resolveDateRange(query, 'UTC', now)).toEqual({ from: '2025-02-11', to: '2025-03-11' });
  });

  it('when only from or only to is given, then the other is 28 days away', () => {
    expect(resolveDateRange({ from: '2025-01-01' }, 'UTC', now)).toEqual({
      from: '2025-01-01',
      to: '2025-01-29',
    });
    expect(resolveDateRange({ to: '2025-01-29' }, 'UTC', now)).toEqual({
      from: '2025-01-01',
      to: '2025-01-29',
    });
  });

  it('when to is not after from, or the span passes three years, then it is invalid', () => {
    expect(dateRangeQuery.safeParse({ from: '2025-01-02', to: '2025-01-02' }).success).toBe(false);
    expect(dateRangeQuery.safeParse({ from: '2020-01-01', to: '2025-01-01' }).success).toBe(false);
    expect(dateRangeQuery.safeParse({ from: '2022-01-01', to: '2025-01-01' }).success).toBe(true);
    expect(() => resolveDateRange({ from: '2025-06-01', to: undefined }, 'UTC', now)).not.toThrow();
    expect(() => resolveDateRange({ from: '2025-01-02', to: '2025-01-01' }, 'UTC', now)).toThrow(
      AppError,
    );
  });
});
