import { addDays } from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import * as windowSpansMigration from '../db/migrations/0019_window_spans.js';
import * as spanBlocksMigration from '../db/migrations/0024_window_span_blocks.js';
import { rebuildReadModel } from './read-model.refresh.js';
import { spanProbes } from './read-model.windows.js';
import { datasetArb, loadDataset, readModelSnapshot, windowArb } from './test-data.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

describe('window spans', () => {
  it('when migrations 0019 and 0024 fill and convert the spans of existing read models, then they equal what a rebuild writes', async () => {
    const workspaces: number[] = [];
    for (const data of fc.sample(datasetArb, { numRuns: 3, seed: 19 })) {
      const workspaceId = await loadDataset(db, data);
      await rebuildReadModel(db, workspaceId);
      workspaces.push(workspaceId);
    }
    const rebuilt = await Promise.all(workspaces.map((ws) => readModelSnapshot(db, ws)));
    expect(rebuilt.some((s) => (s.rm_window_span_block ?? []).length > 0)).toBe(true);
    // 0024 alone: whole-history running sums (as 0019 left them) converted to blocks …
    await spanBlocksMigration.down(db.db);
    await spanBlocksMigration.up(db.db);
    for (const [i, ws] of workspaces.entries()) {
      expect(await readModelSnapshot(db, ws)).toEqual(rebuilt[i]);
    }
    // … and both from rm_customer_day.
    await spanBlocksMigration.down(db.db);
    await windowSpansMigration.down(db.db);
    await windowSpansMigration.up(db.db);
    await spanBlocksMigration.up(db.db);
    for (const [i, ws] of workspaces.entries()) {
      expect(await readModelSnapshot(db, ws)).toEqual(rebuilt[i]);
    }
  });

  it('when a window is read, then every day of it is covered once, whole calendar months by month', () => {
    fc.assert(
      fc.property(windowArb, fc.integer({ min: 0, max: 800 }), (w, extra) => {
        const window = { from: w.from, to: addDays(w.to, extra) };
        const days: string[] = [];
        for (const probe of spanProbes(window)) {
          if (probe.grain === 'day') {
            days.push(probe.start);
            continue;
          }
          expect(probe.start.endsWith('-01')).toBe(true);
          for (let d = probe.start; d === probe.start || !d.endsWith('-01'); d = addDays(d, 1)) {
            days.push(d);
          }
        }
        const expected: string[] = [];
        for (let d = window.from; d < window.to; d = addDays(d, 1)) expected.push(d);
        expect(days).toEqual(expected);
        expect(spanProbes(window).length).toBeLessThanOrEqual(62 + (extra + 70) / 28);
      }),
    );
  });
});
