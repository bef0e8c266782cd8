/**
 * The fitted BG/NBD and Gamma-Gamma parameters, stored per (workspace, read-model version, asOf)
 * in rm_predicted_ltv_fit (migration 0016): a restart, or another process on the same database,
 * scores customers with them instead of refitting. The fits depend only on the histories before
 * asOf, which the read model's version (rm_state) pins.
 */
import type { BgNbdFit, GammaGammaFit } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

export interface StoredFit {
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

/** The read model's own version (rebuild, delta, watermark): what the histories depend on. */
export async function historiesVersion(db: Db, workspaceId: number): Promise<string | null> {
  const { rows } = await sql<{ version: string }>`
    select order_watermark::text || '|' || rebuilt_at::text || '|' || updated_at::text as version
    from rm_state where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]?.version ?? null;
}

function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export async function loadFit(
  db: Db,
  workspaceId: number,
  version: string,
  asOf: string,
): Promise<StoredFit | null> {
  const { rows } = await sql<{ bg_nbd: unknown; gamma_gamma: unknown }>`
    select bg_nbd, gamma_gamma from rm_predicted_ltv_fit
    where workspace_id = ${workspaceId} and data_version = ${version} and as_of = ${asOf}`.execute(
    db,
  );
  const row = rows[0];
  if (!row) return null;
  return { bgNbd: parsed(row.bg_nbd), gammaGamma: parsed(row.gamma_gamma) };
}

/**
 * Stores a fit made on the histories of `version`, unless the read model has moved on meanwhile;
 * rows of the workspace's other versions go (they can no longer be asked for).
 */
export async function storeFit(
  db: Db,
  workspaceId: number,
  version: string,
  asOf: string,
  fit: StoredFit,
): Promise<void> {
  if ((await historiesVersion(db, workspaceId)) !== version) return;
  await sql`delete from rm_predicted_ltv_fit
    where workspace_id = ${workspaceId} and data_version <> ${version}`.execute(db);
  await sql`
    insert into rm_predicted_ltv_fit (workspace_id, data_version, as_of, bg_nbd, gamma_gamma)
    values (${workspaceId}, ${version}, ${asOf}, ${JSON.stringify(fit.bgNbd)}::jsonb,
      ${JSON.stringify(fit.gammaGamma)}::jsonb)
    on conflict (workspace_id, data_version, as_of) do nothing`.execute(db);
}
