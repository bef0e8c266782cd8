import { sql, type Kysely } from 'kysely';

/**
 * Tiers and predicted-LTV scores kept per (workspace, read-model version, asOf), so the first
 * tiers, predicted-LTV or segment-export call after a restart reads them instead of loading 3M
 * histories and scoring them (42–50 s at 3M customers even with the fits stored, decision 0010).
 * Per-customer arrays are stored as bytea (little-endian float64 / uint8), one row per model or
 * tiering: millions of rows would cost more to write than the computation they save.
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_predicted_ltv_scores (
      workspace_id bigint not null references workspaces(id) on delete cascade,
      data_version text not null,
      as_of date not null,
      horizon_months int not null,
      default_margin double precision not null,
      model jsonb not null,
      customer_id bytea not null,
      p_alive bytea not null,
      expected_purchases bytea not null,
      clv bytea not null,
      is_private bytea not null,
      answer jsonb,
      computed_at timestamptz not null default now(),
      primary key (workspace_id, data_version, as_of, horizon_months, default_margin)
    )`.execute(db);
  await sql`
    create table rm_tiers (
      workspace_id bigint not null references workspaces(id) on delete cascade,
      data_version text not null,
      as_of date not null,
      settings_key text not null,
      answer jsonb not null,
      customers bigint not null,
      customer_id bytea not null,
      current_tier bytea not null,
      previous_tier bytea not null,
      computed_at timestamptz not null default now(),
      primary key (workspace_id, data_version, as_of, settings_key)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rm_tiers').execute();
  await db.schema.dropTable('rm_predicted_ltv_scores').execute();
}
