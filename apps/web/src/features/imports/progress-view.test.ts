import { describe, expect, it } from 'vitest';
import { clock, progressView } from './progress-view';
import { freshnessByKind } from './freshness';

describe('progressView', () => {
  it('when half the bytes are read in 10 s, then the bar is at 45 % with 10 s left', () => {
    const view = progressView({
      phase: 'reading',
      rowsRead: 50_000,
      bytesRead: 5_000_000,
      totalBytes: 10_000_000,
      elapsedMs: 10_000,
    });
    expect(view).toEqual({
      phase: 'reading',
      share: 0.45,
      rows: 50_000,
      rowsPerSecond: 5_000,
      etaSeconds: 10,
    });
  });

  it('when the rows are merging, then there is no ETA and the bar is past reading', () => {
    const view = progressView({
      phase: 'merging',
      rowsRead: 10,
      bytesRead: 100,
      totalBytes: 100,
      elapsedMs: 200,
    });
    expect(view.share).toBe(0.93);
    expect(view.etaSeconds).toBeNull();
    expect(view.rowsPerSecond).toBeNull();
  });

  it('formats seconds as a clock', () => {
    expect(clock(75)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
  });
});

describe('freshnessByKind', () => {
  const entry = (kind: string, at: string, extra: object = {}) => ({
    kind,
    status: 'succeeded',
    dryRun: false,
    rowsRead: 10,
    startedAt: at,
    finishedAt: at,
    ...extra,
  });

  it('when a kind landed twice, then the latest real import counts and dry runs or failures do not', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    const rows = freshnessByKind(
      [
        entry('orders', '2025-03-01T08:00:00Z'),
        entry('orders', '2025-03-08T08:00:00Z', { rowsRead: 99 }),
        entry('orders', '2025-03-09T08:00:00Z', { dryRun: true }),
        entry('orders', '2025-03-10T08:00:00Z', { status: 'rejected' }),
      ],
      now,
    );
    expect(rows.find((r) => r.kind === 'orders')).toEqual({
      kind: 'orders',
      lastAt: '2025-03-08T08:00:00Z',
      rows: 99,
      daysAgo: 2,
    });
    expect(rows[0]).toEqual({ kind: 'channels', lastAt: null, rows: null, daysAgo: null });
  });
});
