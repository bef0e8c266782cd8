import type { CreditPeriod, DateWindow } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface CreditRow {
  period: string;
  publicFen: number;
  privateFen: number;
}

/** Credited GMV per week (Monday) or month from the daily rollup; only the window's days. */
export async function creditedByPeriod(
  db: Db,
  workspaceId: number,
  period: CreditPeriod,
  window: DateWindow | undefined,
): Promise<CreditRow[]> {
  const unit = sql.raw(period === 'month' ? `'month'` : `'week'`);
  const range = window
    ? sql`and local_date >= ${window.from}::date and local_date < ${window.to}::date`
    : sql``;
  const result = await sql<{ period: string; public: number; private: number }>`
    select date_trunc(${unit}, local_date::timestamp)::date as period,
      sum(credited_public_fen) as public, sum(credited_private_fen) as private
    from rm_daily
    where workspace_id = ${workspaceId} ${range}
    group by 1 order by 1`.execute(db);
  return result.rows.map((r) => ({
    period: period === 'month' ? r.period.slice(0, 7) : r.period,
    publicFen: Number(r.public),
    privateFen: Number(r.private),
  }));
}

export interface CreditSplitRow extends CreditRow {
  channel: string;
  domain: 'public' | 'private';
  first: boolean;
}

/**
 * Credited GMV per period, channel and first order vs repurchase, from the window's orders and
 * each customer's first order and membership in the read model: the credit rule of the read
 * model's build (read-model.build.ts buildCustomerDays), grouped by what the daily rollup drops.
 */
export async function creditSplitByPeriod(
  db: Db,
  workspaceId: number,
  period: CreditPeriod,
  window: DateWindow,
  privateShare: number,
): Promise<CreditSplitRow[]> {
  const unit = sql.raw(period === 'month' ? `'month'` : `'week'`);
  const share = sql`${String(privateShare)}::numeric`;
  const result = await sql<{
    period: string;
    channel: string;
    domain: 'public' | 'private';
    first: boolean;
    public: string | number;
    private: string | number;
  }>`
    select date_trunc(${unit}, local_date::timestamp)::date as period, channel, domain, first,
      sum(amount_fen - credit_private) as public, sum(credit_private) as private
    from (
      select o.local_date, o.channel, o.domain, o.amount_fen, o.id = rc.first_order_id as first,
        case
          when o.id = rc.first_order_id then
            case when o.domain = 'public' then 0 else round(o.amount_fen * ${share}) end
          when rc.joined_private_at <= o.ordered_at
            and (rc.left_private_at is null or rc.left_private_at > o.ordered_at) then o.amount_fen
          else 0
        end as credit_private
      from orders o
      join rm_customer rc on rc.workspace_id = o.workspace_id and rc.customer_id = o.customer_id
      where o.workspace_id = ${workspaceId} and o.status <> 'cancelled'
        and o.local_date >= ${window.from}::date and o.local_date < ${window.to}::date
    ) x
    group by 1, 2, 3, 4`.execute(db);
  return result.rows.map((r) => ({
    period: period === 'month' ? r.period.slice(0, 7) : r.period,
    channel: r.channel,
    domain: r.domain,
    first: r.first,
    publicFen: Number(r.public),
    privateFen: Number(r.private),
  }));
}
