import { sql, type Kysely } from 'kysely';

/**
 * The fitted BG/NBD and Gamma-Gamma parameters per (workspace, data version, asOf), so a restart
 * scores customers with the stored parameters instead of refitting (the fits were most of a
 * cold tiers or predicted-LTV call at 3M customers). The fits depend only on the histories before
 * asOf, which the data version pins; a new version leaves older rows unused until they are
 * pruned. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_predicted_ltv_fit (
      workspace_id bigint not null references workspaces(id) on delete cascade,
      data_version text not null,
      as_of date not null,
      bg_nbd jsonb not null,
      gamma_gamma jsonb not null,
      fitted_at timestamptz not null default now(),
      primary key (workspace_id, data_version, as_of)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rm_predicted_ltv_fit').execute();
}
