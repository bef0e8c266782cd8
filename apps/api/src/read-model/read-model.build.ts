/**
 * The read model's per-customer rows (rm_customer, rm_customer_day, and the customer-months grouped
 * from the days into a temp table): built from the base tables for a whole workspace (a rebuild)
 * or for the customers of a delta (scoped). The shapes, table sets and SQL pieces the aggregates
 * and the delta share live here too.
 */
import { FIRST_ORDER_DAYS, REPURCHASE_DAYS } from '@yugang/metrics';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ReadModelSettings } from './read-model.settings.js';
import { TOTALS_FACT_COLUMNS } from './read-model.totals.js';

export type Db = Kysely<Database>;

export const NEVER = sql`date '9999-12-31'`;
export const NEVER_MONTH = sql`date '9999-12-01'`;

export interface Ctx {
  db: Db;
  ws: number;
  settings: ReadModelSettings;
  /** Build rm_customer rows only for the customers listed in the temp table rm_scope. */
  scoped: boolean;
  /**
   * The per-customer tables the builders write and the contributions read: the real ones for a
   * rebuild; for a delta, temp tables holding only the affected customers' old or new rows.
   * Customer-months are always a temp table, grouped from the days.
   */
  tables: { customer: string; day: string; month: string };
}

export const REAL_TABLES = {
  customer: 'rm_customer',
  day: 'rm_customer_day',
  month: 'rm_rebuild_month',
};

/** Tables in dependency order (aggregates last). */
export const AGGREGATES = [
  'rm_daily',
  'rm_daily_customers',
  'rm_period',
  'rm_cohort_month',
  'rm_cohort_size',
  'rm_window_span',
  'rm_window_span_block',
] as const;
export const PER_CUSTOMER = ['rm_customer_day', 'rm_customer'] as const;
export const FACT_COLUMNS = [
  ...TOTALS_FACT_COLUMNS,
  'credited_public_fen',
  'credited_private_fen',
] as const;

/** Shape of the customer-month temp tables (the day facts summed per month). */
export const MONTH_SHAPE = `(workspace_id bigint, month date, customer_id bigint, orders integer,
  returned_orders integer, gmv_fen bigint, repeat_gmv_fen bigint, private_channel_gmv_fen bigint,
  gross_profit_fen bigint, credited_public_fen bigint, credited_private_fen bigint,
  join_cut date, leave_cut date)`;

/** The first local date whose midnight is at or after the instant; NEVER when null. */
function cutDate(column: string, tz: string): RawBuilder<unknown> {
  const c = sql.ref(column);
  return sql`case when ${c} is null then ${NEVER}
    when (${c} at time zone ${tz})::time = time '00:00' then (${c} at time zone ${tz})::date
    else (${c} at time zone ${tz})::date + 1 end`;
}

export function monthOf(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`date_trunc('month', (${expr})::timestamp)::date`;
}

const margin = (ctx: Ctx) => sql`${String(ctx.settings.defaultMargin)}::numeric`;
const share = (ctx: Ctx) => sql`${String(ctx.settings.privateShare)}::numeric`;

export async function buildCustomers(ctx: Ctx): Promise<void> {
  const { db, ws } = ctx;
  const tz = ctx.settings.timeZone;
  // Whole workspace: one sorted pass over the orders. A delta: the affected customers' orders,
  // fetched once into rm_scope_orders, and one index look-up per customer.
  const sources = ctx.scoped
    ? sql`
    from rm_scope s
    cross join lateral (select * from customers where workspace_id = ${ws}
      and id = s.customer_id offset 0) c
    left join (
      select distinct on (customer_id) customer_id, id, ordered_at, local_date, channel, domain,
        amount_fen
      from rm_scope_orders
      order by customer_id, ordered_at, external_id collate "C"
    ) f on f.customer_id = c.id
    left join (${customerTotals(ctx, sql`from rm_scope_orders`)}) a on a.customer_id = c.id
    left join (${firstOrdersAfterJoining(
      sql`select customer_id, ordered_at from rm_scope_orders`,
      sql`select c.id, c.joined_private_at from rm_scope s
        cross join lateral (select id, joined_private_at from customers
          where workspace_id = ${ws} and id = s.customer_id offset 0) c`,
    )}) j on j.customer_id = c.id`
    : sql`
    from customers c
    left join (
      select distinct on (customer_id) customer_id, id, ordered_at, local_date, channel, domain,
        amount_fen
      from orders
      where workspace_id = ${ws} and status <> 'cancelled'
      order by customer_id, ordered_at, external_id collate "C"
    ) f on f.customer_id = c.id
    left join (${customerTotals(
      ctx,
      sql`from orders where workspace_id = ${ws} and status <> 'cancelled'`,
    )}) a on a.customer_id = c.id
    left join (${firstOrdersAfterJoining(
      sql`select customer_id, ordered_at from orders
        where workspace_id = ${ws} and status <> 'cancelled'`,
      sql`select id, joined_private_at from customers where workspace_id = ${ws}`,
    )}) j on j.customer_id = c.id
    where c.workspace_id = ${ws}`;
  await sql`
    insert into ${sql.table(ctx.tables.customer)} (workspace_id, customer_id, joined_private_at,
      left_private_at,
      join_month, join_cut, leave_cut, first_order_id, first_ordered_at, first_local_date,
      first_order_month, first_channel, first_domain, first_amount_fen, orders, gmv_fen,
      gross_profit_fen, last_local_date, last_day_orders, before_last_local_date, repurchased_at,
      converted_at)
    select c.workspace_id, c.id, c.joined_private_at, c.left_private_at,
      date_trunc('month', c.joined_private_at at time zone ${tz})::date,
      ${cutDate('c.joined_private_at', tz)}, ${cutDate('c.left_private_at', tz)},
      f.id, f.ordered_at, f.local_date, ${monthOf(sql`f.local_date`)}, f.channel, f.domain,
      f.amount_fen, coalesce(a.orders, 0), coalesce(a.gmv_fen, 0), coalesce(a.gross_profit_fen, 0),
      a.last_local_date, a.last_day_orders, a.before_last_local_date,
      ${repurchased(sql`a.second_ordered_at`, sql`f.ordered_at`)},
      ${converted(sql`j.first_order_after_join_at`, sql`c.joined_private_at`)}
    ${sources}`.execute(db);
}

const within = (instant: RawBuilder<unknown>, from: RawBuilder<unknown>, days: number) =>
  sql`case when ${instant} <= ${from} + ${`${days * 24} hours`}::interval then ${instant} end`;

/**
 * rm_customer's conversion instants: kept only when they convert (within the metric's days of
 * the first order, or of joining), so they change only in that span and the covering indexes
 * that carry them (migration 0026) let the other updates of a customer's row stay heap-only.
 */
export const repurchased = (second: RawBuilder<unknown>, first: RawBuilder<unknown>) =>
  within(second, first, REPURCHASE_DAYS);
export const converted = (order: RawBuilder<unknown>, joined: RawBuilder<unknown>) =>
  within(order, joined, FIRST_ORDER_DAYS);

/**
 * Per customer of an orders source (`from …`, counted orders only): orders, GMV, gross profit,
 * the last order day, that day's orders and the order day before it, the first order's instant
 * and the second's (the earlier of the first day's second order and the next day's first: the
 * repurchase conversion's "ordered again within 90 days").
 */
export function customerTotals(ctx: Ctx, from: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select customer_id, sum(n)::int as orders, sum(gmv_fen) as gmv_fen,
      sum(gross_profit_fen) as gross_profit_fen, max(local_date) as last_local_date,
      (array_agg(n order by local_date desc))[1] as last_day_orders,
      (array_agg(local_date order by local_date desc))[2] as before_last_local_date,
      min(first_at) as first_at,
      least((array_agg(second_at order by first_at))[1],
        (array_agg(first_at order by first_at))[2]) as second_ordered_at
    from (
      select customer_id, local_date, count(*)::int as n, sum(amount_fen) as gmv_fen,
        sum(coalesce(gross_profit_fen, round(amount_fen * ${margin(ctx)}))) as gross_profit_fen,
        min(ordered_at) as first_at, (array_agg(ordered_at order by ordered_at))[2] as second_at
      ${from}
      group by customer_id, local_date
    ) d
    group by customer_id`;
}

/**
 * Per member: the instant of their first counted order (`orders`: customer_id, ordered_at) at or
 * after joining (`members`: id, joined_private_at), the first-order conversion's "ordered within
 * 30 days". A delta passes its scope's members by index look-up: a semi-join against customers
 * hashed the whole workspace (4.4 s of a late day at 3M customers).
 */
export function firstOrdersAfterJoining(
  orders: RawBuilder<unknown>,
  members: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`
    select o.customer_id, min(o.ordered_at) as first_order_after_join_at
    from (${orders}) o
    join (${members}) m on m.id = o.customer_id
    where o.ordered_at >= m.joined_private_at
    group by o.customer_id`;
}

/**
 * Orders appended after a customer's history (the appended path of applyDelta), and per customer
 * the last two order days before them and the orders of the last one.
 */
export interface AppendedDays {
  orders: string;
  seeds: string;
}

/**
 * One row per customer and local day, with the customer's two previous order days and the
 * previous day's orders: in a window [from, to) the customer's first row is the one whose
 * previous order day is before `from`, which lets a window count buyers and repeat buyers
 * without grouping by customer (summary.queries.ts).
 */
export async function buildCustomerDays(ctx: Ctx, appended?: AppendedDays): Promise<void> {
  const { db, ws } = ctx;
  const orders = appended
    ? sql.table(appended.orders)
    : ctx.scoped
      ? sql`rm_scope_orders`
      : sql`orders`;
  // Appended days continue a history that is not in this query: the seeds stand in for the
  // customer's last two order days before them.
  const previous = appended
    ? sql`coalesce(lag(g.local_date) over w, s.prev_local_date),
        coalesce(lag(g.local_date, 2) over w,
          case when row_number() over w = 1 then s.prev2_local_date else s.prev_local_date end),
        coalesce(lag(g.orders) over w, s.prev_orders)`
    : sql`lag(local_date) over w, lag(local_date, 2) over w, lag(orders) over w`;
  await sql`
    insert into ${sql.table(ctx.tables.day)} (workspace_id, local_date, customer_id, orders,
      returned_orders,
      gmv_fen, repeat_gmv_fen, private_channel_gmv_fen, gross_profit_fen, credited_public_fen,
      credited_private_fen, join_cut, leave_cut, prev_local_date, prev2_local_date, prev_orders)
    select g.*, ${previous}
    from (
    select ${ws}::bigint, local_date, customer_id, count(*)::int as orders,
      (count(*) filter (where returned))::int, sum(amount_fen),
      coalesce(sum(amount_fen) filter (where not is_first), 0),
      coalesce(sum(amount_fen) filter (where domain = 'private'), 0),
      sum(gross_profit_fen), sum(amount_fen - credit_private), sum(credit_private),
      min(join_cut), min(leave_cut)
    from (
      select o.local_date, o.customer_id, o.amount_fen, o.returned, o.domain,
        o.id = rc.first_order_id as is_first,
        coalesce(o.gross_profit_fen, round(o.amount_fen * ${margin(ctx)})) as gross_profit_fen,
        case
          when o.id = rc.first_order_id then
            case when o.domain = 'public' then 0 else round(o.amount_fen * ${share(ctx)}) end
          when rc.joined_private_at <= o.ordered_at
            and (rc.left_private_at is null or rc.left_private_at > o.ordered_at) then o.amount_fen
          else 0
        end as credit_private,
        rc.join_cut, rc.leave_cut
      from ${sql.table(ctx.tables.customer)} rc
      join ${orders} o on o.customer_id = rc.customer_id
        and ${ctx.scoped || appended ? sql`true` : sql`o.workspace_id = rc.workspace_id and o.status <> 'cancelled'`}
      where rc.workspace_id = ${ws}
    ) x
    group by local_date, customer_id
    ) g
    ${appended ? sql`join ${sql.table(appended.seeds)} s on s.customer_id = g.customer_id` : sql``}
    window w as (partition by g.customer_id order by g.local_date)
    order by g.local_date, g.customer_id`.execute(db);
}

export const factList = sql.raw(FACT_COLUMNS.join(', '));

export async function buildCustomerMonths(ctx: Ctx): Promise<void> {
  await sql`
    insert into ${sql.table(ctx.tables.month)} (workspace_id, month, customer_id, ${factList},
      join_cut, leave_cut)
    select ${ctx.ws}::bigint, ${monthOf(sql`local_date`)} as month, customer_id, ${sql.join(FACT_COLUMNS.map((c) => sql`sum(${sql.ref(c)})`))},
      min(join_cut), min(leave_cut)
    from ${sql.table(ctx.tables.day)}
    where workspace_id = ${ctx.ws}
    group by month, customer_id
    order by month, customer_id`.execute(ctx.db);
}
