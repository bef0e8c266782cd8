import { describe, expect, it } from 'vitest';
import {
  addMonths,
  localDateOf,
  periodEnd,
  periodStarts,
  previousWindow,
  startOfLocalDate,
  weekStartOf,
} from './time.js';

describe('time', () => {
  it('when an instant is late evening UTC, then its Shanghai date is the next day', () => {
    expect(localDateOf(new Date('2024-03-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2024-04-01');
    expect(startOfLocalDate('2024-04-01', 'Asia/Shanghai').toISOString()).toBe(
      '2024-03-31T16:00:00.000Z',
    );
  });

  it('when a zone changes offset, then the day still starts at local midnight', () => {
    expect(startOfLocalDate('2024-03-31', 'Europe/Berlin').toISOString()).toBe(
      '2024-03-30T23:00:00.000Z',
    );
    expect(startOfLocalDate('2024-04-01', 'Europe/Berlin').toISOString()).toBe(
      '2024-03-31T22:00:00.000Z',
    );
  });

  it('weeks start on Monday, months roll over years, previous windows abut', () => {
    expect(weekStartOf('2024-03-31')).toBe('2024-03-25');
    expect(weekStartOf('2024-03-25')).toBe('2024-03-25');
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(previousWindow({ from: '2024-03-01', to: '2024-03-08' })).toEqual({
      from: '2024-02-23',
      to: '2024-03-01',
    });
  });

  it('when a range cuts periods, then periodStarts lists every week or month it overlaps', () => {
    expect(periodStarts('month', '2024-11-15', '2025-02-01')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
    ]);
    expect(periodStarts('month', '2024-11-15', '2025-02-02')).toHaveLength(4);
    expect(periodStarts('week', '2024-03-31', '2024-04-02')).toEqual(['2024-03-25', '2024-04-01']);
    expect(periodStarts('week', '2024-04-02', '2024-04-02')).toEqual([]);
    expect(periodEnd('month', '2024-12-01')).toBe('2025-01-01');
    expect(periodEnd('week', '2024-03-25')).toBe('2024-04-01');
  });
});
