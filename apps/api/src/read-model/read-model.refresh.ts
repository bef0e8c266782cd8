/**
 * Builds and maintains the read model (docs/decisions/0002-read-model.md).
 *
 * Everything is derived from per-customer rows (rm_customer, rm_customer_day; customer-months are
 * grouped from the days into a temp table when needed) by "contribution" queries that are the same for a full rebuild and for an incremental update:
 * an update subtracts the affected customers' current contributions, recomputes their
 * per-customer rows from the base tables, and adds their new contributions. So applying twice
 * changes nothing, late-arriving orders correct exactly the periods they touch, and a rebuild
 * gives identical rows (tested).
 *
 * Modules: this file is the entry (rebuild, apply changes); read-model.build.ts builds the
 * per-customer rows, read-model.aggregates.ts keeps the aggregates, read-model.delta.ts is the
 * incremental path.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DatabaseHandle, Transaction } from '../db/database.js';
import { notFound } from '../errors/app-error.js';
import { contribute, rebuildContributions } from './read-model.aggregates.js';
import {
  AGGREGATES,
  MONTH_SHAPE,
  PER_CUSTOMER,
  REAL_TABLES,
  buildCustomerDays,
  buildCustomerMonths,
  buildCustomers,
  type Ctx,
  type Db,
} from './read-model.build.js';
import { applyDelta } from './read-model.delta.js';
import { readModelSettings, type ReadModelSettings } from './read-model.settings.js';

/** Every table of the read model holding a workspace's rows (rm_state aside). */
export const READ_MODEL_TABLES = [...PER_CUSTOMER, ...AGGREGATES] as const;

async function workspaceSettings(db: Db, ws: number): Promise<ReadModelSettings> {
  const workspace = await db
    .selectFrom('workspaces')
    .select(['time_zone', 'settings'])
    .where('id', '=', ws)
    .executeTakeFirst();
  if (!workspace) throw notFound(`workspace ${ws}`);
  return readModelSettings(workspace);
}

async function maxOrderId(db: Db, ws: number): Promise<number> {
  const row = await sql<{
    max: number | null;
  }>`select max(id) as max from orders where workspace_id = ${ws}`.execute(db);
  return row.rows[0]?.max ?? 0;
}

export interface RefreshResult {
  customers: number;
  /** Of those, customers updated from their new orders alone (applyOrderChanges). */
  appended?: number;
  ms: number;
}

/** Deletes and recomputes every read-model row of a workspace, inside the caller's transaction. */
export async function rebuildReadModelIn(db: Db, workspaceId: number): Promise<RefreshResult> {
  const started = performance.now();
  const settings = await workspaceSettings(db, workspaceId);
  for (const table of [...AGGREGATES, ...PER_CUSTOMER, 'rm_state']) {
    await sql`delete from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(db);
  }
  await sql`create temp table if not exists ${sql.table(REAL_TABLES.month)} ${sql.raw(MONTH_SHAPE)}
    on commit drop`.execute(db);
  await sql`truncate ${sql.table(REAL_TABLES.month)}`.execute(db);
  const ctx: Ctx = { db, ws: workspaceId, settings, scoped: false, tables: REAL_TABLES };
  // Fresh statistics after each bulk step, so the next step's joins are planned on real sizes.
  await buildCustomers(ctx);
  await sql`analyze rm_customer`.execute(db);
  await buildCustomerDays(ctx);
  await sql`analyze rm_customer_day`.execute(db);
  await buildCustomerMonths(ctx);
  await sql`analyze ${sql.table(REAL_TABLES.month)}`.execute(db);
  await contribute(db, workspaceId, rebuildContributions(workspaceId, settings.timeZone));
  await sql`
    insert into rm_state (workspace_id, time_zone, default_margin, private_share, order_watermark)
    values (${workspaceId}, ${settings.timeZone}, ${String(settings.defaultMargin)}::numeric,
      ${String(settings.privateShare)}::numeric, ${await maxOrderId(db, workspaceId)})`.execute(db);
  const count = await sql<{ n: number }>`
    select count(*)::int as n from rm_customer where workspace_id = ${workspaceId}`.execute(db);
  return { customers: count.rows[0]?.n ?? 0, ms: performance.now() - started };
}

/**
 * `yg refresh`: a full rebuild in one transaction, then a vacuum of the rebuilt tables: the
 * replaced rows are dead tuples the custom-window index scans would otherwise wade through
 * (28-day summary scan 104 ms → 25 ms on the 300k demo).
 */
export async function rebuildReadModel(
  handle: DatabaseHandle,
  workspaceId: number,
): Promise<RefreshResult> {
  const result = await handle.transaction((tx) => rebuildReadModelIn(tx.db, workspaceId));
  await sql`vacuum (analyze) ${sql.join(READ_MODEL_TABLES.map((t) => sql.table(t)))}`.execute(
    handle.db,
  );
  return result;
}

/**
 * Ids as a list, or as a query in the caller's transaction whose rows' `id` column holds them
 * (an import passes its temp tables: a million ids built into a parameter held the event loop
 * for ~2 s, and reading them back from the database as long again).
 */
export type Ids = readonly number[] | RawBuilder<unknown>;

/**
 * Absorbs changed orders (inserted, updated, cancelled, moved) and changed customers (joined,
 * left) into the read model, inside the caller's transaction (imports call it after merging
 * rows). Pass every customer whose orders or membership changed in `customerIds`, except that
 * orders which were only inserted may be passed by id in `newOrderIds` instead: a customer whose
 * new orders all fall in weeks and months after their last order (a daily load) is then updated
 * from the new orders alone, any other from their whole history. Idempotent. When the model
 * was never built, or the settings it baked in (time zone, default margin, private share)
 * changed since, it rebuilds the whole workspace instead.
 */
export async function applyOrderChanges(
  tx: Pick<Transaction, 'db'>,
  workspaceId: number,
  customerIds: Ids,
  newOrderIds: Ids = [],
): Promise<RefreshResult> {
  const started = performance.now();
  const { db } = tx;
  // One writer per workspace at a time: the deltas below must not interleave.
  const state = await sql<{ time_zone: string; default_margin: number; private_share: number }>`
    select time_zone, default_margin, private_share from rm_state
    where workspace_id = ${workspaceId} for update`.execute(db);
  const settings = await workspaceSettings(db, workspaceId);
  const built = state.rows[0];
  if (
    !built ||
    built.time_zone !== settings.timeZone ||
    built.default_margin !== settings.defaultMargin ||
    built.private_share !== settings.privateShare
  ) {
    return rebuildReadModelIn(db, workspaceId);
  }
  const { customers, appended } = await applyDelta(
    db,
    workspaceId,
    settings,
    idRows(customerIds),
    idRows(newOrderIds),
  );
  await sql`update rm_state set updated_at = now(),
      order_watermark = greatest(order_watermark, ${await maxOrderId(db, workspaceId)})
    where workspace_id = ${workspaceId}`.execute(db);
  return { customers, appended, ms: performance.now() - started };
}

/** Ids as rows of one bigint column `id`. */
function idRows(ids: Ids): RawBuilder<unknown> {
  return isList(ids)
    ? sql`select unnest(${ids.map(String)}::bigint[]) as id`
    : sql`select id from (${ids}) ids`;
}

function isList(ids: Ids): ids is readonly number[] {
  return Array.isArray(ids);
}

/**
 * Absorbs orders added since the last refresh (order id above the watermark) as new orders: for
 * loaders that only append. Updates to existing orders need applyOrderChanges with their customers.
 */
export async function applyNewOrders(
  tx: Pick<Transaction, 'db'>,
  workspaceId: number,
): Promise<RefreshResult> {
  return applyOrderChanges(
    tx,
    workspaceId,
    [],
    sql`select id from orders where workspace_id = ${workspaceId} and id > coalesce(
      (select order_watermark from rm_state where workspace_id = ${workspaceId}), 0)`,
  );
}
