/**
 * Tiers stored per (workspace, read-model version, asOf, tier settings and default margin) in
 * rm_tiers (migration 0017): the answer of GET tiers (summary, movement, notes) as jsonb and each
 * tiered customer's codes at both dates as bytea, so GET tiers and the segment export read them
 * instead of recomputing (tens of seconds at 3M customers). Rows of older versions are dropped
 * when a newer one is stored.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  bytesOf,
  float64sOf,
  historiesVersion,
  parsed,
  uint8sOf,
} from '../../read-model/read-model.fits.js';

type Db = Kysely<Database>;

/** Tier codes (TIER_CODES) of every customer with facts or a prediction; the rest are ordinary. */
export interface StoredTierCodes {
  /** Customer ids, ascending. */
  ids: Float64Array;
  current: Uint8Array;
  previous: Uint8Array;
  /** All customers of the workspace (rm_customer). */
  customers: number;
}

const keyOf = (workspaceId: number, version: string, asOf: string, settingsKey: string) => sql`
  workspace_id = ${workspaceId} and data_version = ${version} and as_of = ${asOf}
    and settings_key = ${settingsKey}`;

export async function loadTiersAnswer<Answer>(
  db: Db,
  workspaceId: number,
  version: string,
  asOf: string,
  settingsKey: string,
): Promise<Answer | null> {
  const { rows } = await sql<{ answer: unknown }>`
    select answer from rm_tiers where ${keyOf(workspaceId, version, asOf, settingsKey)}`.execute(
    db,
  );
  return rows[0] ? parsed<Answer>(rows[0].answer) : null;
}

export async function loadTierCodes(
  db: Db,
  workspaceId: number,
  version: string,
  asOf: string,
  settingsKey: string,
): Promise<StoredTierCodes | null> {
  const { rows } = await sql<{
    customers: number | string;
    customer_id: Uint8Array;
    current_tier: Uint8Array;
    previous_tier: Uint8Array;
  }>`
    select customers, customer_id, current_tier, previous_tier
    from rm_tiers where ${keyOf(workspaceId, version, asOf, settingsKey)}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    ids: float64sOf(row.customer_id),
    current: uint8sOf(row.current_tier),
    previous: uint8sOf(row.previous_tier),
    customers: Number(row.customers),
  };
}

/** Stores tiers computed on the read model of `version`, unless it moved on meanwhile. */
export async function storeTiers(
  db: Db,
  workspaceId: number,
  version: string,
  asOf: string,
  settingsKey: string,
  answer: unknown,
  codes: StoredTierCodes,
): Promise<void> {
  if ((await historiesVersion(db, workspaceId)) !== version) return;
  await sql`delete from rm_tiers
    where workspace_id = ${workspaceId} and data_version <> ${version}`.execute(db);
  await sql`
    insert into rm_tiers (workspace_id, data_version, as_of, settings_key, answer, customers,
      customer_id, current_tier, previous_tier)
    values (${workspaceId}, ${version}, ${asOf}, ${settingsKey}, ${JSON.stringify(answer)}::jsonb,
      ${codes.customers}, ${bytesOf(codes.ids)}, ${bytesOf(codes.current)},
      ${bytesOf(codes.previous)})
    on conflict (workspace_id, data_version, as_of, settings_key) do nothing`.execute(db);
}
