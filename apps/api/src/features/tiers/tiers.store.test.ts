import { addDays } from '@yugang/metrics';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { Workspace } from '../../db/schema.js';
import { loadDemo } from '../../demo/load-demo.js';
import { anchorDay, dataFreshness } from '../../read-model/freshness.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { historiesVersion } from '../../read-model/read-model.fits.js';
import { applyNewOrders, rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { insertOrders } from '../../read-model/test-data.js';
import { warmDashboard } from '../../warm-up/dashboard-warmer.js';
import { cachedPredictedLtv, predictedLtvFromReadModel } from '../ltv/ltv-predicted.service.js';
import { tierSegment } from './tiers-export.service.js';
import { storedTierCodes, storedTiers, tiersFromReadModel } from './tiers.service.js';

/** What an answer looks like once it has been through JSON (HTTP, or the jsonb it is stored as). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('tiers and predicted LTV stored per read-model version', () => {
  let db: TestDatabase;
  let workspace: Workspace;
  const latestDay = async () => anchorDay(await dataFreshness(db.db, workspace.id), workspace);
  const storedRows = async (table: 'rm_tiers' | 'rm_predicted_ltv_scores') =>
    (
      await sql<{ data_version: string; as_of: string }>`
        select data_version, as_of::text from ${sql.table(table)}
        where workspace_id = ${workspace.id} order by as_of`.execute(db.db)
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    const loaded = await loadDemo(db, { customers: 1500, seed: 11 });
    workspace = await db.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', loaded.workspaceId)
      .executeTakeFirstOrThrow();
  }, 240_000);
  afterAll(async () => {
    await db?.dispose();
  });

  it('when the warm-up has run, then the stored tiers, movement, segment codes and predicted LTV equal the on-demand computation', async () => {
    readModelCache.clear();
    await warmDashboard(db, workspace.id);
    const asOf = addDays(await latestDay(), 1);
    const version = (await historiesVersion(db.db, workspace.id))!;
    expect(await storedRows('rm_tiers')).toEqual([{ data_version: version, as_of: asOf }]);
    // Both tier dates' models, stored with their scores.
    expect((await storedRows('rm_predicted_ltv_scores')).map((r) => r.as_of)).toEqual([
      addDays(asOf, -7),
      asOf,
    ]);

    const onDemand = await tiersFromReadModel(db.db, workspace, asOf);
    expect(onDemand.predictedLtv.current.reason).toBeNull();
    expect(await storedTiers(db.db, workspace, asOf)).toEqual(json(onDemand));

    // The export's stored codes count what the tiers count.
    const codes = await storedTierCodes(db.db, workspace, asOf);
    for (const row of onDemand.summary) {
      const segment = await tierSegment(db.db, workspace, asOf, { kind: 'tier', tier: row.tier });
      expect(segment.count).toBe(row.customers);
    }
    expect(codes.customers).toBe(1500);

    const ltv = { asOf, horizonMonths: 12 };
    const stored = await cachedPredictedLtv(db.db, workspace, ltv);
    expect(stored.result).toEqual(json(await predictedLtvFromReadModel(db.db, workspace, ltv)));
  }, 240_000);

  it('when the server restarts, then the stored tiers and predicted LTV are read back without recomputing anything', async () => {
    const asOf = addDays(await latestDay(), 1);
    const tiers = await storedTiers(db.db, workspace, asOf);
    const codes = await storedTierCodes(db.db, workspace, asOf);
    const ltv = (await cachedPredictedLtv(db.db, workspace, { asOf, horizonMonths: 12 })).result;
    // A restart empties the in-memory cache. Without its customer-days the read model would tier
    // everyone as ordinary: the answers below can only come from what was stored.
    readModelCache.clear();
    await db
      .transaction(async (tx) => {
        await sql`delete from rm_customer_day where workspace_id = ${workspace.id}`.execute(tx.db);
        expect(await storedTiers(tx.db, workspace, asOf)).toEqual(tiers);
        expect(await storedTierCodes(tx.db, workspace, asOf)).toEqual(codes);
        const again = await cachedPredictedLtv(tx.db, workspace, { asOf, horizonMonths: 12 });
        expect(again).toEqual({ result: ltv, cached: false });
        // Another tier date (on demand) sees the emptied read model: it really is gone.
        const other = await tiersFromReadModel(tx.db, workspace, addDays(asOf, -30));
        expect(other.summary.find((r) => r.tier === 'ordinary')!.customers).toBe(1500);
        throw new Error('rolled back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'rolled back')) throw error;
      });
  }, 240_000);

  it('when an import appends a later day, then the warm-up stores the tiers of the new day, equal to a rebuild, and drops the rows of the old version', async () => {
    const before = await latestDay();
    const day = addDays(before, 3);
    const { rows: some } = await sql<{ customer_id: number }>`
      select customer_id from rm_customer where workspace_id = ${workspace.id}
      order by customer_id limit 40`.execute(db.db);
    await insertOrders(
      db,
      workspace.id,
      some.map((c, i) => ({
        id: `STORE-${i}`,
        customerId: String(c.customer_id),
        channel: 'tmall',
        domain: 'public' as const,
        orderedAt: new Date(`${day}T04:00:00Z`),
        localDate: day,
        amountFen: 5000 + i * 100,
        grossProfitFen: null,
        commissionFen: null,
        status: 'completed' as const,
        returned: false,
        refundFen: 0,
      })),
    );
    await db.transaction((tx) => applyNewOrders(tx, workspace.id));
    expect(await latestDay()).toBe(day);
    readModelCache.clear();
    await warmDashboard(db, workspace.id);
    const asOf = addDays(day, 1);
    const version = (await historiesVersion(db.db, workspace.id))!;
    expect(await storedRows('rm_tiers')).toEqual([{ data_version: version, as_of: asOf }]);
    const afterDelta = await storedTiers(db.db, workspace, asOf);
    const deltaCodes = await storedTierCodes(db.db, workspace, asOf);

    await rebuildReadModel(db, workspace.id);
    expect(await historiesVersion(db.db, workspace.id)).not.toBe(version);
    expect(json(await tiersFromReadModel(db.db, workspace, asOf))).toEqual(afterDelta);
    readModelCache.clear();
    await warmDashboard(db, workspace.id);
    expect(await storedTiers(db.db, workspace, asOf)).toEqual(afterDelta);
    expect(await storedTierCodes(db.db, workspace, asOf)).toEqual(deltaCodes);
  }, 480_000);
});
