import { sql, type Kysely } from 'kysely';

/**
 * Each customer's read-model row also keeps the instant of their second counted order and of
 * their first counted order at or after joining the private domain, so the team KPIs' repurchase
 * and first-order conversions are counts over rm_customer instead of fetches of the window's
 * first-timers' and joiners' orders (issue 14). Existing rows are filled from the orders in one
 * pass. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer add column second_ordered_at timestamptz,
    add column first_order_after_join_at timestamptz`.execute(db);
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
      and (s.second_ordered_at is not null or s.first_order_after_join_at is not null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_customer drop column second_ordered_at,
    drop column first_order_after_join_at`.execute(db);
}
