import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the roi, team-kpis and annotations reads: new customers by first-order date and new
 * members by join instant (per-customer read model), conversations and live sessions by start,
 * annotations by date. Frozen in time: no app imports.
 */
const INDEXES = [
  ['rm_customer_first_date_idx', 'rm_customer (workspace_id, first_local_date)'],
  ['rm_customer_joined_idx', 'rm_customer (workspace_id, joined_private_at)'],
  ['conversations_inbound_idx', 'conversations (workspace_id, first_inbound_at)'],
  ['live_sessions_started_idx', 'live_sessions (workspace_id, started_at)'],
  ['annotations_date_idx', 'annotations (workspace_id, date)'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, on] of INDEXES) {
    await sql.raw(`create index if not exists ${name} on ${on}`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) {
    await sql.raw(`drop index if exists ${name}`).execute(db);
  }
}
