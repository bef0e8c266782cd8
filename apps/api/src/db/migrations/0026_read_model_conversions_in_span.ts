import { sql, type Kysely } from 'kysely';

/**
 * rm_customer keeps the team KPIs' conversion instants only when they convert: the second
 * counted order when it came within 90 days (2,160 h) of the first (repurchased_at), the first
 * counted order at or after joining when it came within 30 days (720 h) of joining
 * (converted_at). The indexes of migration 0023 carried the unbounded instants, so every
 * customer's second order, however late, and every member's first order after joining changed an
 * indexed column: 64% of a 10k-order day's rm_customer updates at 3M could not be heap-only.
 * Bounded, they change only within the span after the first order or the joining. Existing rows
 * are cut here. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The indexes follow the renames and are reindexed after the cut (which doubled the covering
  // ones). Not dropped and created: a new index built in the transaction that had just updated
  // its rows heap-only is unusable to every older snapshot (indcheckxmin), and the team KPIs fell
  // to whole-table scans (0.5 s at 3M) while one was open.
  await sql`alter table rm_customer rename column second_ordered_at to repurchased_at`.execute(db);
  await sql`alter table rm_customer rename column first_order_after_join_at to converted_at`.execute(
    db,
  );
  await sql`
    update rm_customer set
      repurchased_at = case when repurchased_at <= first_ordered_at + interval '2160 hours'
        then repurchased_at end,
      converted_at = case when converted_at <= joined_private_at + interval '720 hours'
        then converted_at end
    where repurchased_at > first_ordered_at + interval '2160 hours'
      or converted_at > joined_private_at + interval '720 hours'`.execute(db);
  await sql`reindex table rm_customer`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer rename column repurchased_at to second_ordered_at`.execute(db);
  await sql`alter table rm_customer rename column converted_at to first_order_after_join_at`.execute(
    db,
  );
  await sql`
    update rm_customer c set second_ordered_at = s.second_ordered_at,
      first_order_after_join_at = s.first_order_after_join_at
    from (
      select o.workspace_id, o.customer_id,
        (array_agg(o.ordered_at order by o.ordered_at))[2] as second_ordered_at,
        min(o.ordered_at) filter (where o.ordered_at >= m.joined_private_at)
          as first_order_after_join_at
      from orders o
      join customers m on m.workspace_id = o.workspace_id and m.id = o.customer_id
      where o.status <> 'cancelled'
      group by o.workspace_id, o.customer_id
    ) s
    where s.workspace_id = c.workspace_id and s.customer_id = c.customer_id
      and (s.second_ordered_at is distinct from c.second_ordered_at
        or s.first_order_after_join_at is distinct from c.first_order_after_join_at)`.execute(db);
}
