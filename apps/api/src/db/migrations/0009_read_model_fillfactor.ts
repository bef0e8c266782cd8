import { sql, type Kysely } from 'kysely';

/**
 * Room on every page of the per-customer tables, so the incremental update's in-place updates of
 * changed customers and customer-days are heap-only: no index entry is written when no indexed
 * column changes (a customer's totals and last order, a day's facts). New pages get the room;
 * the next rebuild (`yg refresh`) gives it to all. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer set (fillfactor = 85)`.execute(db);
  await sql`alter table rm_customer_day set (fillfactor = 90)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer reset (fillfactor)`.execute(db);
  await sql`alter table rm_customer_day reset (fillfactor)`.execute(db);
}
