/**
 * The fitted BG/NBD and Gamma-Gamma parameters, stored per (workspace, read-model version, asOf)
 * in rm_predicted_ltv_fit (migration 0016): a restart, or another process on the same database,
 * scores customers with them instead of refitting. The fits depend only on the histories before
 * asOf, which the read model's version (rm_state) pins. The scored model itself (per-customer
 * P(alive), expected purchases and CLV) and the ltv/predicted answer are stored per version, asOf,
 * horizon and default margin in rm_predicted_ltv_scores (migration 0017), so a restart scores
 * nobody at all.
 */
import type { BgNbdFit, CustomerScores, GammaGammaFit } from '@yugang/metrics';
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

export function parsed<T>(value: unknown): T {
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

/**
 * A typed array's bytes for a bytea parameter (platform byte order: little-endian on every
 * platform Node runs on), and back. The copies give aligned arrays whatever the driver returns.
 */
export function bytesOf(values: Float64Array | Uint8Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function float64sOf(bytes: Uint8Array): Float64Array {
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function uint8sOf(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes);
}

/** What a stored model is keyed on besides the version: the ltv/predicted query and the margin. */
export interface ModelKey {
  asOf: string;
  horizonMonths: number;
  defaultMargin: number;
}

/** The model without its per-customer arrays (jsonb), and the arrays (bytea). */
export interface StoredModel<Header> {
  header: Header;
  scores: CustomerScores;
}

const keyOf = (workspaceId: number, version: string, key: ModelKey) => sql`
  workspace_id = ${workspaceId} and data_version = ${version} and as_of = ${key.asOf}
    and horizon_months = ${key.horizonMonths} and default_margin = ${key.defaultMargin}`;

/** The scored model stored for this version and key, or null. */
export async function loadModel<Header>(
  db: Db,
  workspaceId: number,
  version: string,
  key: ModelKey,
): Promise<StoredModel<Header> | null> {
  const { rows } = await sql<{
    model: unknown;
    customer_id: Uint8Array;
    p_alive: Uint8Array;
    expected_purchases: Uint8Array;
    clv: Uint8Array;
    is_private: Uint8Array;
  }>`
    select model, customer_id, p_alive, expected_purchases, clv, is_private
    from rm_predicted_ltv_scores where ${keyOf(workspaceId, version, key)}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const customerId = float64sOf(row.customer_id);
  return {
    header: parsed(row.model),
    scores: {
      size: customerId.length,
      customerId,
      pAlive: float64sOf(row.p_alive),
      expectedPurchases: float64sOf(row.expected_purchases),
      clv: float64sOf(row.clv),
      isPrivate: uint8sOf(row.is_private),
    },
  };
}

/** Stores a model scored on the histories of `version`, unless the read model moved meanwhile. */
export async function storeModel<Header>(
  db: Db,
  workspaceId: number,
  version: string,
  key: ModelKey,
  model: StoredModel<Header>,
): Promise<void> {
  if ((await historiesVersion(db, workspaceId)) !== version) return;
  const s = model.scores;
  await sql`delete from rm_predicted_ltv_scores
    where workspace_id = ${workspaceId} and data_version <> ${version}`.execute(db);
  await sql`
    insert into rm_predicted_ltv_scores (workspace_id, data_version, as_of, horizon_months,
      default_margin, model, customer_id, p_alive, expected_purchases, clv, is_private)
    values (${workspaceId}, ${version}, ${key.asOf}, ${key.horizonMonths}, ${key.defaultMargin},
      ${JSON.stringify(model.header)}::jsonb, ${bytesOf(s.customerId)}, ${bytesOf(s.pAlive)},
      ${bytesOf(s.expectedPurchases)}, ${bytesOf(s.clv)}, ${bytesOf(s.isPrivate)})
    on conflict (workspace_id, data_version, as_of, horizon_months, default_margin)
    do nothing`.execute(db);
}

/** The ltv/predicted answer stored beside the model, or null. */
export async function loadModelAnswer<Answer>(
  db: Db,
  workspaceId: number,
  version: string,
  key: ModelKey,
): Promise<Answer | null> {
  const { rows } = await sql<{ answer: unknown }>`
    select answer from rm_predicted_ltv_scores
    where ${keyOf(workspaceId, version, key)} and answer is not null`.execute(db);
  return rows[0] ? parsed<Answer>(rows[0].answer) : null;
}

export async function storeModelAnswer(
  db: Db,
  workspaceId: number,
  version: string,
  key: ModelKey,
  answer: unknown,
): Promise<void> {
  await sql`update rm_predicted_ltv_scores set answer = ${JSON.stringify(answer)}::jsonb
    where ${keyOf(workspaceId, version, key)}`.execute(db);
}
