/**
 * The bench's baseline: each dashboard figure computed by direct SQL over the raw orders and
 * customers tables (indexes of migration 0001 only), as a dashboard would without a read model.
 * Same definitions as the read model (first-ever order by ordered_at then external id, groups at
 * the window end, cancelled orders excluded).
 */
import { addDays } from '@yugang/metrics';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../src/db/schema.js';

type Db = Kysely<Database>;
type Query = (db: Db) => Promise<unknown>;

export function rawQueries(
  ws: number,
  tz: string,
  at: { end: string; monday: string; lastMonth: string },
): Record<
  | 'summary28'
  | 'summaryWeek'
  | 'summaryMonth'
  | 'trendsMonth'
  | 'trendsWeek'
  | 'cohorts'
  | 'cohortsJoin'
  | 'ltv'
  | 'attribution'
  | 'tiers',
  Query
> {
  const isRepeat = sql`exists (select 1 from orders p where p.workspace_id = o.workspace_id
    and p.customer_id = o.customer_id and p.status <> 'cancelled'
    and (p.ordered_at < o.ordered_at or (p.ordered_at = o.ordered_at
      and p.external_id collate "C" < o.external_id collate "C")))`;
  const privateAt = (instant: RawBuilder<unknown>) =>
    sql`c.joined_private_at <= ${instant} and (c.left_private_at is null or c.left_private_at > ${instant})`;

  /** Section-1 totals by period (or one window) with each customer grouped at the period end. */
  const periodTotals = (
    from: string,
    to: string,
    period: RawBuilder<unknown>,
    periodEnd: RawBuilder<unknown>,
  ) => sql`
    with w as (
      select o.customer_id, ${period} as period, o.amount_fen, o.returned, o.domain,
        o.gross_profit_fen, ${isRepeat} as is_repeat
      from orders o
      where o.workspace_id = ${ws} and o.status <> 'cancelled'
        and o.local_date >= ${from}::date and o.local_date < ${to}::date
    ), per as (
      select customer_id, period, count(*) as n, sum(amount_fen) as gmv,
        count(*) filter (where returned) as ret,
        coalesce(sum(amount_fen) filter (where is_repeat), 0) as rep,
        coalesce(sum(amount_fen) filter (where domain = 'private'), 0) as priv,
        sum(coalesce(gross_profit_fen, 0)) as gp
      from w group by customer_id, period
    )
    select period,
      case when ${privateAt(sql`((${periodEnd})::timestamp at time zone ${tz})`)}
        then 'private' else 'public' end as segment,
      count(*) as buyers, count(*) filter (where n >= 2) as repeat_buyers, sum(n) as orders,
      sum(ret) as returned, sum(gmv) as gmv, sum(rep) as repeat_gmv, sum(priv) as private_gmv,
      sum(gp) as gross_profit
    from per join customers c on c.workspace_id = ${ws} and c.id = per.customer_id
    group by 1, 2`;

  const window = (from: string, to: string) => async (db: Db) => {
    const length = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const previous = addDays(from, -length);
    await Promise.all([
      periodTotals(from, to, sql`0`, sql`${to}::date`).execute(db),
      periodTotals(previous, from, sql`0`, sql`${from}::date`).execute(db),
    ]);
  };

  const firstOrders = sql`
    select distinct on (customer_id) customer_id, local_date
    from orders where workspace_id = ${ws} and status <> 'cancelled'
    order by customer_id, ordered_at, external_id collate "C"`;
  const asOfEnd = sql`((date_trunc('month', ${at.end}::date - 1) + interval '1 month')::timestamp at time zone ${tz})`;

  const cohortQuery = (cohorts: RawBuilder<unknown>, value: RawBuilder<unknown>) => sql`
    with cohort as (${cohorts}),
    activity as (
      select customer_id, date_trunc('month', local_date::timestamp)::date as month,
        sum(amount_fen) as gmv
      from orders where workspace_id = ${ws} and status <> 'cancelled' group by 1, 2
    )
    select k.cohort_month, a.month, ${privateAt(asOfEnd)} as private, ${value}
    from cohort k
    join activity a on a.customer_id = k.customer_id and a.month >= k.cohort_month
    join customers c on c.workspace_id = ${ws} and c.id = k.customer_id
    group by 1, 2, 3`;

  const firstOrderCohorts = sql`
    select customer_id, date_trunc('month', local_date::timestamp)::date as cohort_month
    from (${firstOrders}) f`;
  const joinCohorts = sql`
    select id as customer_id,
      date_trunc('month', joined_private_at at time zone ${tz})::date as cohort_month
    from customers where workspace_id = ${ws} and joined_private_at is not null`;

  /** §7 tier sizes and GMV at one date from raw orders (default settings, recency only). */
  const tiersAt = (asOf: string) => sql`
    with f as (
      select customer_id, sum(amount_fen) as m, count(*) as n,
        max(local_date) >= ${asOf}::date - 90 as recent
      from orders where workspace_id = ${ws} and status <> 'cancelled'
        and local_date >= ${asOf}::date - 365 and local_date < ${asOf}::date
      group by customer_id
    ), t as (
      select m from f order by m desc
      offset greatest(ceil(0.2 * (select count(*) from f)) - 1, 0) limit 1
    )
    select case when f.m >= t.m and f.m > 0 and f.n >= 2 then 'high_value'
      when f.recent then 'potential' else 'ordinary' end as tier, count(*), sum(f.m)
    from f cross join t group by 1`;

  const lastMonday = at.monday;
  return {
    tiers: async (db) => {
      await Promise.all([tiersAt(at.end).execute(db), tiersAt(addDays(at.end, -7)).execute(db)]);
    },
    summary28: window(addDays(at.end, -28), at.end),
    summaryWeek: window(addDays(lastMonday, -7), lastMonday),
    summaryMonth: window(at.lastMonth, at.end),
    trendsMonth: async (db) => {
      await periodTotals(
        addDays(at.end, -365),
        at.end,
        sql`date_trunc('month', o.local_date::timestamp)::date`,
        sql`(period + interval '1 month')::date`,
      ).execute(db);
    },
    trendsWeek: async (db) => {
      await periodTotals(
        addDays(lastMonday, -84),
        lastMonday,
        sql`date_trunc('week', o.local_date::timestamp)::date`,
        sql`period + 7`,
      ).execute(db);
    },
    cohorts: async (db) => {
      await cohortQuery(firstOrderCohorts, sql`count(*) as customers`).execute(db);
    },
    cohortsJoin: async (db) => {
      await cohortQuery(joinCohorts, sql`count(*) as customers`).execute(db);
    },
    ltv: async (db) => {
      await cohortQuery(firstOrderCohorts, sql`sum(a.gmv) as gmv`).execute(db);
    },
    attribution: async (db) => {
      await sql`
        with f as (${firstOrdersWithId(ws)})
        select date_trunc('month', o.local_date::timestamp)::date as month,
          sum(case
            when f.id = o.id then case when o.domain = 'public' then 0
              else round(o.amount_fen * 0.5) end
            when ${privateAt(sql`o.ordered_at`)} then o.amount_fen
            else 0 end) as private,
          sum(o.amount_fen) as total
        from orders o
        join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
        join f on f.customer_id = o.customer_id
        where o.workspace_id = ${ws} and o.status <> 'cancelled'
        group by 1`.execute(db);
    },
  };
}

function firstOrdersWithId(ws: number): RawBuilder<unknown> {
  return sql`
    select distinct on (customer_id) customer_id, id
    from orders where workspace_id = ${ws} and status <> 'cancelled'
    order by customer_id, ordered_at, external_id collate "C"`;
}

/** The summary of any window [from, to) and its previous one by direct SQL (as summaryMonth). */
export function rawSummaryWindow(ws: number, tz: string, from: string, to: string): Query {
  return rawQueries(ws, tz, { end: to, monday: to, lastMonth: from }).summaryMonth;
}
