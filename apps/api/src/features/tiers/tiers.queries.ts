import { addDays } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { numberColumns, type NumberColumns } from '../../read-model/read-model-columns.js';

type Db = Kysely<Database>;

/**
 * What the tier rule needs of a customer at asOf and at previousAsOf (METRICS §7), one row per
 * customer with a counted order in either date's lookback or recent window.
 */
export const TIER_FACT_COLUMNS = [
  'customer_id',
  /** GMV of the counted orders in [asOf − lookbackDays, asOf), fen. */
  'monetary',
  /** Counted orders in [asOf − lookbackDays, asOf). */
  'frequency',
  /** 1 when a counted order falls in [asOf − recentDays, asOf). */
  'recent',
  'previous_monetary',
  'previous_frequency',
  'previous_recent',
] as const;
export type TierFactColumn = (typeof TIER_FACT_COLUMNS)[number];
export type TierFacts = NumberColumns<TierFactColumn>;

/**
 * Per-customer tier facts at both dates in one scan of rm_customer_day over the dates either
 * needs ([previousAsOf − max(lookback, recent), asOf), the primary key's date range), as typed
 * arrays in customer-id order.
 */
export async function tierFacts(
  db: Db,
  workspaceId: number,
  at: { asOf: string; previousAsOf: string; lookbackDays: number; recentDays: number },
): Promise<TierFacts> {
  const { asOf, previousAsOf, lookbackDays, recentDays } = at;
  const lookback = addDays(asOf, -lookbackDays);
  const recent = addDays(asOf, -recentDays);
  const previousLookback = addDays(previousAsOf, -lookbackDays);
  const previousRecent = addDays(previousAsOf, -recentDays);
  const start = addDays(previousAsOf, -Math.max(lookbackDays, recentDays));
  return numberColumns(
    db,
    sql`
      select customer_id,
        coalesce(sum(gmv_fen) filter (where local_date >= ${lookback}::date), 0) as monetary,
        coalesce(sum(orders) filter (where local_date >= ${lookback}::date), 0) as frequency,
        (max(local_date) >= ${recent}::date)::int as recent,
        coalesce(sum(gmv_fen) filter (where local_date >= ${previousLookback}::date
          and local_date < ${previousAsOf}::date), 0) as previous_monetary,
        coalesce(sum(orders) filter (where local_date >= ${previousLookback}::date
          and local_date < ${previousAsOf}::date), 0) as previous_frequency,
        coalesce(bool_or(local_date >= ${previousRecent}::date
          and local_date < ${previousAsOf}::date), false)::int as previous_recent
      from rm_customer_day
      where workspace_id = ${workspaceId} and local_date >= ${start}::date
        and local_date < ${asOf}::date and orders > 0
      group by customer_id`,
    TIER_FACT_COLUMNS,
    'customer_id',
  );
}

/** Customers of the workspace (rm_customer holds one row per customer): all of them are tiered. */
export async function customerCount(db: Db, workspaceId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from rm_customer where workspace_id = ${workspaceId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
