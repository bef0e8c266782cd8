import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { numberColumns, parseChunks } from './read-model-columns.js';
import { ReadModelCache, readModelVersion } from './read-model-cache.js';

let db: TestDatabase;
let workspaceId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  const ws = await db.db
    .insertInto('workspaces')
    .values({ slug: 'cache', name: 'cache', time_zone: 'Asia/Shanghai', settings: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  workspaceId = Number(ws.id);
  await sql`insert into rm_state (workspace_id, time_zone, default_margin, private_share)
    values (${workspaceId}, 'Asia/Shanghai', 0, 0.5)`.execute(db.db);
});
afterAll(async () => {
  await db?.dispose();
});

const bump = () =>
  sql`update rm_state set updated_at = updated_at + interval '1 second'
    where workspace_id = ${workspaceId}`.execute(db.db);

describe('ReadModelCache', () => {
  it('when a key is asked twice, then it is computed once and the second answer says cached', async () => {
    const cache = new ReadModelCache({ maxEntries: 8, maxWeight: 1e9 });
    let computed = 0;
    const compute = async () => ++computed;
    const first = await cache.get(db.db, workspaceId, 'k', ['a'], compute);
    const second = await cache.get(db.db, workspaceId, 'k', ['a'], compute);
    expect([first.cached, second.cached, first.value, second.value]).toEqual([false, true, 1, 1]);
    expect(first.version).toBe(await readModelVersion(db.db, workspaceId));
  });

  it('when bypassed (the bench uncached figures), then every call computes and nothing is kept', async () => {
    const cache = new ReadModelCache({ maxEntries: 8, maxWeight: 1e9 });
    cache.bypass = true;
    let computed = 0;
    const compute = async () => ++computed;
    const first = await cache.get(db.db, workspaceId, 'k', ['a'], compute);
    const second = await cache.get(db.db, workspaceId, 'k', ['a'], compute);
    expect([first.cached, second.cached, first.value, second.value]).toEqual([false, false, 1, 2]);
    expect(cache.stats().entries).toBe(0);
    cache.bypass = false;
    expect((await cache.get(db.db, workspaceId, 'k', ['a'], compute)).value).toBe(3);
    expect((await cache.get(db.db, workspaceId, 'k', ['a'], compute)).cached).toBe(true);
  });

  it('when the same key is asked concurrently, then one computation serves both', async () => {
    const cache = new ReadModelCache({ maxEntries: 8, maxWeight: 1e9 });
    let computed = 0;
    const compute = async () => {
      computed += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return computed;
    };
    const [a, b] = await Promise.all([
      cache.get(db.db, workspaceId, 'k', ['a'], compute),
      cache.get(db.db, workspaceId, 'k', ['a'], compute),
    ]);
    expect(computed).toBe(1);
    expect([a.cached, b.cached].sort()).toEqual([false, true]);
  });

  it('when the read model changes, then the key is computed again and older versions are dropped', async () => {
    const cache = new ReadModelCache({ maxEntries: 8, maxWeight: 1e9 });
    let computed = 0;
    const compute = async () => ++computed;
    await cache.get(db.db, workspaceId, 'k', ['a'], compute);
    await cache.get(db.db, workspaceId, 'other', [], compute);
    expect(cache.stats().entries).toBe(2);
    await bump();
    const again = await cache.get(db.db, workspaceId, 'k', ['a'], compute);
    expect(again).toMatchObject({ cached: false, value: 3 });
    expect(cache.stats().entries).toBe(1);
  });

  it('when more entries or more weight than the limits are cached, then the least recently used go first', async () => {
    const cache = new ReadModelCache({ maxEntries: 3, maxWeight: 100 });
    const value = (v: number) => async () => v;
    const weigh = (v: number) => v;
    for (const key of ['a', 'b', 'c']) {
      await cache.get(db.db, workspaceId, 'k', [key], value(10), weigh);
    }
    await cache.get(db.db, workspaceId, 'k', ['a'], value(10), weigh); // a is now the newest
    await cache.get(db.db, workspaceId, 'k', ['d'], value(10), weigh); // b goes
    expect((await cache.get(db.db, workspaceId, 'k', ['a'], value(0))).cached).toBe(true);
    expect((await cache.get(db.db, workspaceId, 'k', ['b'], value(10), weigh)).cached).toBe(false);
    // b came back and pushed out c; now a heavy entry makes room by weight.
    await cache.get(db.db, workspaceId, 'k', ['heavy'], value(85), weigh);
    expect(cache.stats().weight).toBeLessThanOrEqual(100);
    expect((await cache.get(db.db, workspaceId, 'k', ['heavy'], value(0))).cached).toBe(true);
    // A value heavier than the whole bound is answered but not kept.
    const huge = await cache.get(db.db, workspaceId, 'k', ['huge'], value(500), weigh);
    expect(huge).toMatchObject({ value: 500, cached: false });
    expect((await cache.get(db.db, workspaceId, 'k', ['huge'], value(1), weigh)).cached).toBe(
      false,
    );
  });

  it('when a computation fails, then the failure is not cached', async () => {
    const cache = new ReadModelCache({ maxEntries: 8, maxWeight: 1e9 });
    await expect(
      cache.get(db.db, workspaceId, 'k', ['x'], () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect((await cache.get(db.db, workspaceId, 'k', ['x'], async () => 1)).value).toBe(1);
  });
});

describe('numberColumns', () => {
  it('when a query returns integer rows, then they come back as typed arrays in id order', async () => {
    const { rows, columns } = await numberColumns(
      db.db,
      sql`select g::bigint * 70000 as id, -g as neg, (g * 1000000000000)::bigint as big
        from generate_series(3, 1, -1) g`,
      ['id', 'neg', 'big'],
      'id',
    );
    expect(rows).toBe(3);
    expect([...columns.id]).toEqual([70000, 140000, 210000]);
    expect([...columns.neg]).toEqual([-1, -2, -3]);
    expect([...columns.big]).toEqual([1e12, 2e12, 3e12]);
  });

  it('when the query has no rows, then the columns are empty', async () => {
    const { rows, columns } = await numberColumns(
      db.db,
      sql`select 1::bigint as id where false`,
      ['id'],
      'id',
    );
    expect(rows).toBe(0);
    expect(columns.id).toHaveLength(0);
  });

  it('when a field is not a plain integer, then it is read with Number()', () => {
    const parsed = parseChunks(['1,2.5\n-3,1e3', '123456789012345678,0'], ['a', 'b']);
    expect(parsed.rows).toBe(3);
    expect([...parsed.columns.a]).toEqual([1, -3, Number('123456789012345678')]);
    expect([...parsed.columns.b]).toEqual([2.5, 1000, 0]);
  });
});
