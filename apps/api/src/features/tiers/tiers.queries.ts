import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface CustomerDayRow {
  customerId: string;
  localDate: string;
  orders: number;
  gmvFen: number;
}

/** Per customer and local day in [from, to): counted orders and their GMV (rm_customer_day). */
export async function customerDays(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<CustomerDayRow[]> {
  const { rows } = await sql<{
    customer_id: string | number;
    local_date: string;
    orders: number;
    gmv_fen: string | number;
  }>`
    select customer_id, local_date::text as local_date, orders, gmv_fen
    from rm_customer_day
    where workspace_id = ${workspaceId} and local_date >= ${from}::date
      and local_date < ${to}::date and orders > 0`.execute(db);
  return rows.map((r) => ({
    customerId: String(r.customer_id),
    localDate: r.local_date,
    orders: Number(r.orders),
    gmvFen: Number(r.gmv_fen),
  }));
}

/** Every customer of the workspace (rm_customer holds one row per customer). */
export async function customerIds(db: Db, workspaceId: number): Promise<string[]> {
  const { rows } = await sql<{ customer_id: string | number }>`
    select customer_id from rm_customer where workspace_id = ${workspaceId}`.execute(db);
  return rows.map((r) => String(r.customer_id));
}
