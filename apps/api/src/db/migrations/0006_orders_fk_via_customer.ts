import { sql, type Kysely } from 'kysely';

/**
 * Orders reach their workspace through their customer and their channel: orders (workspace_id,
 * customer_id) → customers (workspace_id, id) → workspaces (id). The direct orders → workspaces
 * foreign key was redundant and cost a per-row check on every order written (about a third of
 * an orders import's write time); it goes. Deleting a workspace still removes its orders: a
 * BEFORE DELETE trigger on workspaces deletes them first. (Cascading from customers instead does
 * not work: the channels' cascade would check orders → channels before the customers' cascade
 * reached the orders.) Deleting a customer or channel that has orders stays refused.
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table orders drop constraint orders_workspace_id_fkey`.execute(db);
  await sql`create function workspaces_delete_orders() returns trigger language plpgsql as $$
    begin
      delete from orders where workspace_id = old.id;
      return old;
    end $$`.execute(db);
  await sql`create trigger workspaces_delete_orders before delete on workspaces
    for each row execute function workspaces_delete_orders()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger workspaces_delete_orders on workspaces`.execute(db);
  await sql`drop function workspaces_delete_orders()`.execute(db);
  await sql`alter table orders add constraint orders_workspace_id_fkey foreign key (workspace_id)
    references workspaces (id) on delete cascade`.execute(db);
}
