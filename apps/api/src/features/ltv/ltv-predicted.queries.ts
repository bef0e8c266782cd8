import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface CustomerHistoryRow {
  customerId: string;
  /** Distinct local days with a counted order before asOf. */
  orderDays: number;
  orders: number;
  gmvFen: number;
  grossProfitFen: number;
  firstDay: string;
  lastDay: string;
  /** Private at the midnight starting asOf (membership cuts of rm_customer). */
  isPrivate: boolean;
}

/** Per customer with a counted order before asOf: order days, totals, first and last day. */
export async function customerHistories(
  db: Db,
  workspaceId: number,
  asOf: string,
): Promise<CustomerHistoryRow[]> {
  const { rows } = await sql<{
    customer_id: string | number;
    order_days: number;
    orders: string | number;
    gmv_fen: string | number;
    gross_profit_fen: string | number;
    first_day: string;
    last_day: string;
    is_private: boolean;
  }>`
    select d.customer_id, d.order_days, d.orders, d.gmv_fen, d.gross_profit_fen,
      d.first_day::text as first_day, d.last_day::text as last_day,
      (c.join_cut <= ${asOf}::date and c.leave_cut > ${asOf}::date) as is_private
    from (
      select customer_id, count(*)::int as order_days, sum(orders) as orders,
        sum(gmv_fen) as gmv_fen, sum(gross_profit_fen) as gross_profit_fen,
        min(local_date) as first_day, max(local_date) as last_day
      from rm_customer_day
      where workspace_id = ${workspaceId} and local_date < ${asOf}::date and orders > 0
      group by customer_id
    ) d
    join rm_customer c on c.workspace_id = ${workspaceId} and c.customer_id = d.customer_id`.execute(
    db,
  );
  return rows.map((r) => ({
    customerId: String(r.customer_id),
    orderDays: Number(r.order_days),
    orders: Number(r.orders),
    gmvFen: Number(r.gmv_fen),
    grossProfitFen: Number(r.gross_profit_fen),
    firstDay: r.first_day,
    lastDay: r.last_day,
    isPrivate: r.is_private === true,
  }));
}

/** The read model's version: changes whenever a rebuild or a delta refresh lands. */
export async function readModelVersion(db: Db, workspaceId: number): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    select order_watermark::text || '|' || rebuilt_at::text || '|' || updated_at::text as version
    from rm_state where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]?.version ?? 'none';
}

export async function externalIds(
  db: Db,
  workspaceId: number,
  customerIds: readonly string[],
): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', customerIds.map(Number))
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.external_id]));
}
