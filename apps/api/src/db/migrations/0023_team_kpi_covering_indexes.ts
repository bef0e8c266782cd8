import { sql, type Kysely } from 'kysely';

/**
 * The team KPIs' counts read from the index alone (once the table is vacuumed): the joiners'
 * first order after joining, the first-timers' first and second order, and the conversations'
 * first reply ride in the indexes whose ranges select them. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists rm_customer_joined_first_order_idx
    on rm_customer (workspace_id, joined_private_at) include (first_order_after_join_at)`.execute(
    db,
  );
  await sql`drop index if exists rm_customer_joined_idx`.execute(db);
  await sql`create index if not exists rm_customer_first_orders_idx
    on rm_customer (workspace_id, first_local_date, first_domain)
    include (first_ordered_at, second_ordered_at)`.execute(db);
  await sql`drop index if exists rm_customer_first_domain_idx`.execute(db);
  await sql`create index if not exists conversations_inbound_reply_idx
    on conversations (workspace_id, first_inbound_at) include (first_response_at)`.execute(db);
  await sql`drop index if exists conversations_inbound_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists conversations_inbound_idx
    on conversations (workspace_id, first_inbound_at)`.execute(db);
  await sql`drop index if exists conversations_inbound_reply_idx`.execute(db);
  await sql`create index if not exists rm_customer_first_domain_idx
    on rm_customer (workspace_id, first_local_date, first_domain)`.execute(db);
  await sql`drop index if exists rm_customer_first_orders_idx`.execute(db);
  await sql`create index if not exists rm_customer_joined_idx
    on rm_customer (workspace_id, joined_private_at)`.execute(db);
  await sql`drop index if exists rm_customer_joined_first_order_idx`.execute(db);
}
