import type { DateWindow } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  totalsOf,
  totalsSelect,
  type GroupTotals,
  type TotalsRow,
} from '../read-model/read-model.totals.js';

type Db = Kysely<Database>;

/** How a window was answered: a stored period row, or a bounded scan of per-customer rows. */
export type SummarySource = 'week' | 'month' | 'customer_month' | 'customer_day';

function byGroup(rows: (TotalsRow & { segment: string })[]): GroupTotals {
  return {
    public: totalsOf(rows.find((r) => r.segment === 'public')),
    private: totalsOf(rows.find((r) => r.segment === 'private')),
  };
}

/** One stored week or month: customers already grouped at the period's end. Two rows. */
export async function periodTotals(
  db: Db,
  workspaceId: number,
  grain: 'week' | 'month',
  periodStart: string,
): Promise<GroupTotals> {
  const result = await sql<TotalsRow & { segment: string }>`
    select segment, ${totalsSelect(sql`sum(buyers)`, sql`sum(repeat_buyers)`)}
    from rm_period
    where workspace_id = ${workspaceId} and grain = ${grain} and period_start = ${periodStart}::date
    group by segment`.execute(db);
  return byGroup(result.rows);
}

/**
 * Any window: one row per customer active in it (from the per-customer-day or, when the window
 * is whole months, the per-customer-month table), classified at the window's end instant by the
 * membership cuts. Cost: an index range scan over the customer-days (-months) in the window.
 */
export async function scanTotals(
  db: Db,
  workspaceId: number,
  table: 'rm_customer_day' | 'rm_customer_month',
  window: DateWindow,
): Promise<GroupTotals> {
  const dateColumn = sql.ref(table === 'rm_customer_day' ? 'local_date' : 'month');
  const result = await sql<TotalsRow & { segment: string }>`
    select segment, ${totalsSelect(sql`count(*)`, sql`count(*) filter (where orders >= 2)`)}
    from (
      select case when min(join_cut) <= ${window.to}::date and min(leave_cut) > ${window.to}::date
          then 'private' else 'public' end as segment,
        sum(orders) as orders, sum(returned_orders) as returned_orders, sum(gmv_fen) as gmv_fen,
        sum(repeat_gmv_fen) as repeat_gmv_fen,
        sum(private_channel_gmv_fen) as private_channel_gmv_fen,
        sum(gross_profit_fen) as gross_profit_fen
      from ${sql.table(table)}
      where workspace_id = ${workspaceId}
        and ${dateColumn} >= ${window.from}::date and ${dateColumn} < ${window.to}::date
      group by customer_id
    ) c
    group by segment`.execute(db);
  return byGroup(result.rows);
}
