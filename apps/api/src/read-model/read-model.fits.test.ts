import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { loadDemo } from '../demo/load-demo.js';
import { readModelCache } from './read-model-cache.js';
import { historiesVersion, loadFit } from './read-model.fits.js';
import { customerHistories } from './read-model.histories.js';
import { predictedLtvModel, predictedLtvModelOf } from './read-model.predicted-ltv.js';

const AS_OF = '2026-09-01';

describe('stored predicted-LTV fits', () => {
  let db: TestDatabase;
  let workspace: { id: number; settings: Record<string, unknown> };
  beforeAll(async () => {
    db = await createTestDatabase();
    const loaded = await loadDemo(db, { customers: 1500, seed: 5 });
    const row = await db.db
      .selectFrom('workspaces')
      .select(['id', 'settings'])
      .where('id', '=', loaded.workspaceId)
      .executeTakeFirstOrThrow();
    workspace = { id: Number(row.id), settings: row.settings };
  }, 240_000);
  afterAll(async () => {
    await db?.dispose();
  });

  const options = { asOf: AS_OF, horizonMonths: 12 };

  it('when a model is fitted, then its parameters are stored for the read-model version and a restart scores with them, bit for bit', async () => {
    readModelCache.clear();
    const first = await predictedLtvModel(db.db, workspace, options);
    expect(first.fit).not.toBeNull();
    const version = (await historiesVersion(db.db, workspace.id))!;
    const stored = await loadFit(db.db, workspace.id, version, AS_OF);
    expect(stored).toEqual(first.fit);

    // A restart: no in-memory cache; the stored parameters are read back.
    readModelCache.clear();
    const again = await predictedLtvModel(db.db, workspace, options);
    expect(again.fit).toEqual(first.fit);
    expect(Array.from(again.scores.clv)).toEqual(Array.from(first.scores.clv));
    expect(Array.from(again.scores.pAlive)).toEqual(Array.from(first.scores.pAlive));

    // And equal to a fit made from scratch on the same histories.
    const fresh = await predictedLtvModelOf(await customerHistories(db.db, workspace.id, AS_OF), {
      ...options,
      defaultMargin: 0,
    });
    expect(fresh.fit).toEqual(first.fit);
    expect(Array.from(fresh.scores.clv)).toEqual(Array.from(first.scores.clv));
  }, 120_000);

  it('when the stored parameters differ from a refit, then the stored ones are used (no refit after a restart)', async () => {
    const version = (await historiesVersion(db.db, workspace.id))!;
    const before = (await loadFit(db.db, workspace.id, version, AS_OF))!;
    await sql`update rm_predicted_ltv_fit
      set bg_nbd = jsonb_set(bg_nbd, '{r}', to_jsonb(${before.bgNbd.r * 2}::float8)),
        gamma_gamma = jsonb_set(gamma_gamma, '{iterations}', '987654'::jsonb)
      where workspace_id = ${workspace.id}`.execute(db.db);
    // Without the stored scores (which would be read back as they are, fit and all).
    await sql`delete from rm_predicted_ltv_scores where workspace_id = ${workspace.id}`.execute(
      db.db,
    );
    readModelCache.clear();
    const model = await predictedLtvModel(db.db, workspace, options);
    expect(model.fit!.bgNbd.r).toBe(before.bgNbd.r * 2);
    expect(model.fit!.gammaGamma.iterations).toBe(987654);
  }, 120_000);

  it('when the read model changes, then the model is refitted and only the new version is kept', async () => {
    const old = (await historiesVersion(db.db, workspace.id))!;
    await sql`update rm_state set updated_at = updated_at + interval '1 second'
      where workspace_id = ${workspace.id}`.execute(db.db);
    const version = (await historiesVersion(db.db, workspace.id))!;
    expect(version).not.toBe(old);
    readModelCache.clear();
    const model = await predictedLtvModel(db.db, workspace, options);
    expect(model.fit!.gammaGamma.iterations).not.toBe(987654);
    const { rows } = await sql<{ data_version: string }>`
      select data_version from rm_predicted_ltv_fit where workspace_id = ${workspace.id}`.execute(
      db.db,
    );
    expect(rows.map((r) => r.data_version)).toEqual([version]);
    expect(await loadFit(db.db, workspace.id, version, AS_OF)).toEqual(model.fit);
  }, 120_000);
});
