import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { numberColumns, type NumberColumns } from '../../read-model/read-model-columns.js';

type Db = Kysely<Database>;

/** Month index = year × 12 + month − 1 of a date expression (the metrics' monthIndex). */
const monthIndexOf = (column: string) =>
  sql`(extract(year from ${sql.ref(column)}) * 12 + extract(month from ${sql.ref(column)}) - 1)::int`;

/**
 * Per-customer-month rows key on customer_id × MONTH_SLOTS + months since 1990-01 (good until
 * 2075); numberColumns then ships them in chunks of 64 customers.
 */
export const MONTH_SLOTS = 1024;
export const MONTH_BASE = 1990 * 12;

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
 * Counted orders, GMV and gross profit per customer and local day before asOf (the read model's
 * customer-day rows), keyed customer_id × MONTH_SLOTS + (month index − MONTH_BASE): the rows
 * arrive in key order, so a customer's days of one month are adjacent and the service adds them
 * up in one pass. Not grouped here: grouping ~5M customer-months needs ~1 GB of hash table or
 * spills to disk (1M customers: 12.5 s with the default work_mem), while the chunked ordering
 * numberColumns does anyway costs nothing more.
 */
export async function incrementalityDays(
  db: Db,
  workspaceId: number,
  asOf: string,
): Promise<IncrementalityMonths> {
  return numberColumns(
    db,
    sql`
      select d.customer_id::bigint * ${sql.lit(MONTH_SLOTS)}
          + (${monthIndexOf('d.local_date')} - ${sql.lit(MONTH_BASE)}) as key,
        d.orders, d.gmv_fen, d.gross_profit_fen
      from rm_customer_day d
      where d.workspace_id = ${workspaceId} and d.local_date < ${asOf}::date and d.orders > 0`,
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
