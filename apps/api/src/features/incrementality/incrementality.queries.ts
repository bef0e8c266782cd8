import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { numberColumns, type NumberColumns } from '../../read-model/read-model-columns.js';

type Db = Kysely<Database>;

/** Month index = year × 12 + month − 1 of a date expression (the metrics' monthIndex). */
const monthIndexOf = (column: string) =>
  sql`(extract(year from ${sql.ref(column)}) * 12 + extract(month from ${sql.ref(column)}) - 1)::int`;

/** Per-customer-month rows key on customer_id × MONTH_SLOTS + months since 2000-01. */
export const MONTH_SLOTS = 4096;
export const MONTH_BASE = 2000 * 12;

export const CUSTOMER_COLUMNS = [
  'customer_id',
  /** −1 when never joined. */
  'join_month',
  'acquisition_month',
  /** 1-based rank of the first channel's code; the service keeps codes out of the estimator. */
  'first_channel',
] as const;
export type IncrementalityCustomers = NumberColumns<(typeof CUSTOMER_COLUMNS)[number]>;

/**
 * Every customer with a counted order before asOf: join month, month of the first counted
 * order and its channel, from the read model's per-customer row (one row per customer).
 */
export async function incrementalityCustomers(
  db: Db,
  workspaceId: number,
  asOf: string,
): Promise<IncrementalityCustomers> {
  return numberColumns(
    db,
    sql`
      select c.customer_id,
        coalesce(${monthIndexOf('c.join_month')}, -1) as join_month,
        ${monthIndexOf('c.first_order_month')} as acquisition_month,
        coalesce(ch.rank, 0)::int as first_channel
      from rm_customer c
      left join (
        select code, row_number() over (order by code) as rank
        from channels where workspace_id = ${workspaceId}
      ) ch on ch.code = c.first_channel
      where c.workspace_id = ${workspaceId} and c.first_local_date < ${asOf}::date`,
    CUSTOMER_COLUMNS,
    'customer_id',
  );
}

export const MONTH_COLUMNS = ['key', 'orders', 'gmv_fen', 'gross_profit_fen'] as const;
export type IncrementalityMonths = NumberColumns<(typeof MONTH_COLUMNS)[number]>;

/**
 * Counted orders, GMV and gross profit per customer and local month before asOf, summed from the
 * read model's customer-day rows; key = customer_id × MONTH_SLOTS + (month index − MONTH_BASE),
 * so the rows arrive grouped by customer and in month order.
 */
export async function incrementalityMonths(
  db: Db,
  workspaceId: number,
  asOf: string,
): Promise<IncrementalityMonths> {
  return numberColumns(
    db,
    sql`
      select d.customer_id::bigint * ${sql.lit(MONTH_SLOTS)}
          + (${monthIndexOf('d.local_date')} - ${sql.lit(MONTH_BASE)}) as key,
        sum(d.orders)::bigint as orders, sum(d.gmv_fen)::bigint as gmv_fen,
        sum(d.gross_profit_fen)::bigint as gross_profit_fen
      from rm_customer_day d
      where d.workspace_id = ${workspaceId} and d.local_date < ${asOf}::date and d.orders > 0
      group by 1`,
    MONTH_COLUMNS,
    'key',
  );
}

/** Private-domain costs (every category) over the months [fromMonth, toMonth], fen. */
export async function privateCostFen(
  db: Db,
  workspaceId: number,
  fromMonth: string,
  toMonth: string,
): Promise<number> {
  const { rows } = await sql<{ fen: number | null }>`
    select sum(amount_fen)::bigint as fen from costs
    where workspace_id = ${workspaceId} and domain = 'private'
      and month >= ${fromMonth}::date and month <= ${toMonth}::date`.execute(db);
  return Number(rows[0]?.fen ?? 0);
}
