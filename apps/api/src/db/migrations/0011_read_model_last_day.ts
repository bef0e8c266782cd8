import { sql, type Kysely } from 'kysely';

/**
 * Each customer's read-model row also keeps the orders of their last order day and the order day
 * before it: what a day appended after their history needs for its previous-day columns, so the
 * incremental update no longer looks up the customer's last stored day. Existing rows are filled
 * from their last customer-day (about a minute at 3M customers). Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer add column last_day_orders integer,
    add column before_last_local_date date`.execute(db);
  await sql`
    update rm_customer c set last_day_orders = d.orders, before_last_local_date = d.prev_local_date
    from rm_customer_day d
    where d.workspace_id = c.workspace_id and d.customer_id = c.customer_id
      and d.local_date = c.last_local_date`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer drop column last_day_orders,
    drop column before_last_local_date`.execute(db);
}
