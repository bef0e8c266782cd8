/**
 * Builds and maintains the read model (docs/decisions/0002-read-model.md).
 *
 * Everything is derived from per-customer rows (rm_customer, rm_customer_day; customer-months are
 * grouped from the days into a temp table when needed) by "contribution" queries that are the same for a full rebuild and for an incremental update:
 * an update subtracts the affected customers' current contributions, recomputes their
 * per-customer rows from the base tables, and adds their new contributions. So applying twice
 * changes nothing, late-arriving orders correct exactly the periods they touch, and a rebuild
 * gives identical rows (tested).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseHandle, Transaction } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors/app-error.js';
import { readModelSettings, type ReadModelSettings } from './read-model.settings.js';
import { TOTALS_FACT_COLUMNS } from './read-model.totals.js';

type Db = Kysely<Database>;

const NEVER = sql`date '9999-12-31'`;
const NEVER_MONTH = sql`date '9999-12-01'`;

interface Ctx {
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

const REAL_TABLES = { customer: 'rm_customer', day: 'rm_customer_day', month: 'rm_rebuild_month' };
const OLD_TABLES = { customer: 'rm_old_customer', day: 'rm_old_day', month: 'rm_old_month' };
const NEW_TABLES = { customer: 'rm_new_customer', day: 'rm_new_day', month: 'rm_new_month' };
const GONE_TABLES = { customer: 'rm_gone_customer', day: 'rm_gone_day', month: 'rm_gone_month' };
const ADDED_TABLES = {
  customer: 'rm_added_customer',
  day: 'rm_added_day',
  month: 'rm_added_month',
};

/** Tables in dependency order (aggregates last). */
const AGGREGATES = ['rm_daily', 'rm_period', 'rm_cohort_month', 'rm_cohort_size'] as const;
const PER_CUSTOMER = ['rm_customer_day', 'rm_customer'] as const;
/** Every table of the read model holding a workspace's rows (rm_state aside). */
export const READ_MODEL_TABLES = [...PER_CUSTOMER, ...AGGREGATES] as const;
/** Each stored per-customer table's key after workspace_id. */
const PER_CUSTOMER_KEYS = [
  ['customer', ['customer_id']],
  ['day', ['local_date', 'customer_id']],
] as const;

const FACT_COLUMNS = [
  ...TOTALS_FACT_COLUMNS,
  'credited_public_fen',
  'credited_private_fen',
] as const;

/** Shape of the customer-month temp tables (the day facts summed per month). */
const MONTH_SHAPE = `(workspace_id bigint, month date, customer_id bigint, orders integer,
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

/** The first month start on or after a cut date. */
function cutMonth(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`case when ${expr} = ${NEVER} then ${NEVER_MONTH}
    else date_trunc('month', ${expr} + interval '1 month' - interval '1 day')::date end`;
}

function monthOf(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`date_trunc('month', (${expr})::timestamp)::date`;
}

function nextMonth(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(${expr} + interval '1 month')::date`;
}

const margin = (ctx: Ctx) => sql`${String(ctx.settings.defaultMargin)}::numeric`;
const share = (ctx: Ctx) => sql`${String(ctx.settings.privateShare)}::numeric`;

// ---------------------------------------------------------------- per-customer rows

async function buildCustomers(ctx: Ctx): Promise<void> {
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
    left join (${customerTotals(ctx, sql`from rm_scope_orders`)}) a on a.customer_id = c.id`
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
    where c.workspace_id = ${ws}`;
  await sql`
    insert into ${sql.table(ctx.tables.customer)} (workspace_id, customer_id, joined_private_at,
      left_private_at,
      join_month, join_cut, leave_cut, first_order_id, first_ordered_at, first_local_date,
      first_order_month, first_channel, first_domain, first_amount_fen, orders, gmv_fen,
      gross_profit_fen, last_local_date, last_day_orders, before_last_local_date)
    select c.workspace_id, c.id, c.joined_private_at, c.left_private_at,
      date_trunc('month', c.joined_private_at at time zone ${tz})::date,
      ${cutDate('c.joined_private_at', tz)}, ${cutDate('c.left_private_at', tz)},
      f.id, f.ordered_at, f.local_date, ${monthOf(sql`f.local_date`)}, f.channel, f.domain,
      f.amount_fen, coalesce(a.orders, 0), coalesce(a.gmv_fen, 0), coalesce(a.gross_profit_fen, 0),
      a.last_local_date, a.last_day_orders, a.before_last_local_date
    ${sources}`.execute(db);
}

/**
 * Per customer of an orders source (`from …`, counted orders only): orders, GMV, gross profit,
 * the last order day, that day's orders and the order day before it.
 */
function customerTotals(ctx: Ctx, from: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select customer_id, sum(n)::int as orders, sum(gmv_fen) as gmv_fen,
      sum(gross_profit_fen) as gross_profit_fen, max(local_date) as last_local_date,
      (array_agg(n order by local_date desc))[1] as last_day_orders,
      (array_agg(local_date order by local_date desc))[2] as before_last_local_date
    from (
      select customer_id, local_date, count(*)::int as n, sum(amount_fen) as gmv_fen,
        sum(coalesce(gross_profit_fen, round(amount_fen * ${margin(ctx)}))) as gross_profit_fen
      ${from}
      group by customer_id, local_date
    ) d
    group by customer_id`;
}

/**
 * Orders appended after a customer's history (the appended path of applyDelta), and per customer
 * the last two order days before them and the orders of the last one.
 */
interface AppendedDays {
  orders: string;
  seeds: string;
}

/**
 * One row per customer and local day, with the customer's two previous order days and the
 * previous day's orders: in a window [from, to) the customer's first row is the one whose
 * previous order day is before `from`, which lets a window count buyers and repeat buyers
 * without grouping by customer (summary.queries.ts).
 */
async function buildCustomerDays(ctx: Ctx, appended?: AppendedDays): Promise<void> {
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

const factList = sql.raw(FACT_COLUMNS.join(', '));

const addOnConflict = (table: string, columns: readonly string[]) =>
  sql.raw(columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));

async function buildCustomerMonths(ctx: Ctx): Promise<void> {
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

// ---------------------------------------------------------------- contributions to aggregates

/**
 * Signed per-customer rows (column `sg`: +1 added, -1 taken away) that feed the aggregates. A
 * rebuild passes every row with +1. A delta passes only what can change an aggregate: days and
 * months that differ between the old and new rows (the additive facts), the old and new days of
 * the customer-weeks those touch (distinct buyers per week), and all months of the customers
 * whose cohort keys changed (cohort tables).
 */
interface Contributions {
  /** rm_customer_day rows: rm_daily. */
  days: RawBuilder<unknown>;
  /** Customer-month rows (days summed per month): rm_period by month. */
  months: RawBuilder<unknown>;
  /** rm_customer_day rows, whole customer-weeks: rm_period by week. */
  weekDays: RawBuilder<unknown>;
  /** Customer-month rows joined with their rm_customer row: rm_cohort_month. */
  cohortMonths: RawBuilder<unknown>;
  /** rm_customer rows: rm_cohort_size. */
  customers: RawBuilder<unknown>;
}

const signedRows = (sign: 1 | -1, table: string, where: RawBuilder<unknown> = sql`true`) =>
  sql`select ${sql.lit(sign)}::int as sg, t.* from ${sql.table(table)} t where ${where}`;

const signedCohortMonths = (
  sign: 1 | -1,
  month: string,
  customer: string,
  where: RawBuilder<unknown> = sql`true`,
) => sql`
  select ${sql.lit(sign)}::int as sg, m.month, m.gmv_fen, m.gross_profit_fen, rc.join_cut,
    rc.leave_cut, rc.first_order_month, rc.join_month
  from ${sql.table(month)} m
  join ${sql.table(customer)} rc on rc.workspace_id = m.workspace_id
    and rc.customer_id = m.customer_id
  where ${where}`;

const unionAll = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` union all `);

function rebuildContributions(ws: number): Contributions {
  const own = sql`t.workspace_id = ${ws}`;
  return {
    days: signedRows(1, 'rm_customer_day', own),
    months: signedRows(1, REAL_TABLES.month, own),
    weekDays: signedRows(1, 'rm_customer_day', own),
    cohortMonths: signedCohortMonths(
      1,
      REAL_TABLES.month,
      'rm_customer',
      sql`m.workspace_id = ${ws}`,
    ),
    customers: signedRows(1, 'rm_customer', own),
  };
}

const sumSigned = (columns: readonly string[]) => columns.map((c) => sql`sum(sg * ${sql.ref(c)})`);

/** Groups whose net change is zero everywhere are left alone (the row keeps its value). */
const anyChange = (aggregates: readonly RawBuilder<unknown>[]) =>
  sql`having not (${sql.join(
    aggregates.map((a) => sql`coalesce(${a}, 0) = 0`),
    sql` and `,
  )})`;

/** Adds the signed contributions to every aggregate, one upsert per aggregate. */
async function contribute(db: Db, ws: number, rows: Contributions): Promise<void> {
  const facts = FACT_COLUMNS as readonly string[];
  const factSums = sumSigned(facts);

  await sql`
    insert into rm_daily (workspace_id, local_date, ${factList})
    select ${ws}::bigint, local_date, ${sql.join(factSums)}
    from (${rows.days}) d
    group by local_date
    ${anyChange(factSums)}
    on conflict (workspace_id, local_date) do update set ${addOnConflict('rm_daily', facts)}`.execute(
    db,
  );

  const periodColumns = ['buyers', 'repeat_buyers', ...facts];
  const periodAggregates = [
    sql`sum(sg)`,
    sql`coalesce(sum(sg) filter (where orders >= 2), 0)`,
    ...factSums,
  ];
  const periodRows = (grain: 'week' | 'month', source: RawBuilder<unknown>, days: string) => sql`
    insert into rm_period (workspace_id, grain, period_start, segment, buyers, repeat_buyers,
      ${factList})
    select ${ws}::bigint, ${grain}, period_start,
      case when join_cut <= (period_start + ${sql.raw(days)})::date
        and leave_cut > (period_start + ${sql.raw(days)})::date then 'private' else 'public' end
        as segment,
      ${sql.join(periodAggregates)}
    from (${source}) p
    group by period_start, segment
    ${anyChange(periodAggregates)}
    on conflict (workspace_id, grain, period_start, segment)
      do update set ${addOnConflict('rm_period', periodColumns)}`;

  await periodRows(
    'month',
    sql`select sg, month as period_start, ${factList}, join_cut, leave_cut
        from (${rows.months}) m`,
    "interval '1 month'",
  ).execute(db);
  await periodRows(
    'week',
    sql`select sg, date_trunc('week', local_date::timestamp)::date as period_start, customer_id,
          ${sql.join(FACT_COLUMNS.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`))},
          min(join_cut) as join_cut, min(leave_cut) as leave_cut
        from (${rows.weekDays}) d
        group by sg, period_start, customer_id`,
    '7',
  ).execute(db);

  // Cohorts. Cuts at or before the month after the activity (or cohort) month are clamped to it:
  // every as-of instant the endpoints use is at or after that month start.
  const clamp = (cut: string, floor: RawBuilder<unknown>) =>
    sql`greatest(${cutMonth(sql.ref(cut))}, ${floor})`;
  const cohortMonthAggregates = [sql`sum(sg)`, ...sumSigned(['gmv_fen', 'gross_profit_fen'])];
  await sql`
    insert into rm_cohort_month (workspace_id, basis, cohort_month, activity_month,
      join_cut_month, leave_cut_month, customers, gmv_fen, gross_profit_fen)
    select ${ws}::bigint, basis, cohort_month, activity_month, jcm, lcm,
      ${sql.join(cohortMonthAggregates)}
    from (
      select sg, b.basis, b.cohort_month, m.month as activity_month,
        ${clamp('m.join_cut', nextMonth(sql`m.month`))} as jcm,
        ${clamp('m.leave_cut', nextMonth(sql`m.month`))} as lcm,
        m.gmv_fen, m.gross_profit_fen
      from (${rows.cohortMonths}) m
      cross join lateral (values ('first_order', m.first_order_month),
        ('private_join', m.join_month)) as b(basis, cohort_month)
      where b.cohort_month is not null and m.month >= b.cohort_month
    ) x
    group by basis, cohort_month, activity_month, jcm, lcm
    ${anyChange(cohortMonthAggregates)}
    on conflict (workspace_id, basis, cohort_month, activity_month, join_cut_month, leave_cut_month)
      do update set ${addOnConflict('rm_cohort_month', ['customers', 'gmv_fen', 'gross_profit_fen'])}`.execute(
    db,
  );
  await sql`
    insert into rm_cohort_size (workspace_id, basis, cohort_month, join_cut_month,
      leave_cut_month, customers)
    select ${ws}::bigint, basis, cohort_month, jcm, lcm, sum(sg)
    from (
      select rc.sg, b.basis, b.cohort_month,
        ${clamp('rc.join_cut', nextMonth(sql`b.cohort_month`))} as jcm,
        ${clamp('rc.leave_cut', nextMonth(sql`b.cohort_month`))} as lcm
      from (${rows.customers}) rc
      cross join lateral (values ('first_order', rc.first_order_month),
        ('private_join', rc.join_month)) as b(basis, cohort_month)
      where b.cohort_month is not null
    ) x
    group by basis, cohort_month, jcm, lcm
    ${anyChange([sql`sum(sg)`])}
    on conflict (workspace_id, basis, cohort_month, join_cut_month, leave_cut_month)
      do update set ${addOnConflict('rm_cohort_size', ['customers'])}`.execute(db);
}

async function dropEmptyAggregates(db: Db, ws: number): Promise<void> {
  await sql`delete from rm_daily where workspace_id = ${ws} and orders = 0`.execute(db);
  await sql`delete from rm_period where workspace_id = ${ws} and buyers = 0`.execute(db);
  await sql`delete from rm_cohort_month where workspace_id = ${ws} and customers = 0`.execute(db);
  await sql`delete from rm_cohort_size where workspace_id = ${ws} and customers = 0`.execute(db);
}

// ---------------------------------------------------------------- public API

async function workspaceSettings(db: Db, ws: number): Promise<ReadModelSettings> {
  const workspace = await db
    .selectFrom('workspaces')
    .select(['time_zone', 'settings'])
    .where('id', '=', ws)
    .executeTakeFirst();
  if (!workspace) throw notFound(`workspace ${ws}`);
  return readModelSettings(workspace);
}

async function maxOrderId(db: Db, ws: number): Promise<number> {
  const row = await sql<{
    max: number | null;
  }>`select max(id) as max from orders where workspace_id = ${ws}`.execute(db);
  return row.rows[0]?.max ?? 0;
}

export interface RefreshResult {
  customers: number;
  /** Of those, customers updated from their new orders alone (applyOrderChanges). */
  appended?: number;
  ms: number;
}

/** Deletes and recomputes every read-model row of a workspace, inside the caller's transaction. */
export async function rebuildReadModelIn(db: Db, workspaceId: number): Promise<RefreshResult> {
  const started = performance.now();
  const settings = await workspaceSettings(db, workspaceId);
  for (const table of [...AGGREGATES, ...PER_CUSTOMER, 'rm_state']) {
    await sql`delete from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(db);
  }
  await sql`create temp table if not exists ${sql.table(REAL_TABLES.month)} ${sql.raw(MONTH_SHAPE)}
    on commit drop`.execute(db);
  await sql`truncate ${sql.table(REAL_TABLES.month)}`.execute(db);
  const ctx: Ctx = { db, ws: workspaceId, settings, scoped: false, tables: REAL_TABLES };
  // Fresh statistics after each bulk step, so the next step's joins are planned on real sizes.
  await buildCustomers(ctx);
  await sql`analyze rm_customer`.execute(db);
  await buildCustomerDays(ctx);
  await sql`analyze rm_customer_day`.execute(db);
  await buildCustomerMonths(ctx);
  await sql`analyze ${sql.table(REAL_TABLES.month)}`.execute(db);
  await contribute(db, workspaceId, rebuildContributions(workspaceId));
  await sql`
    insert into rm_state (workspace_id, time_zone, default_margin, private_share, order_watermark)
    values (${workspaceId}, ${settings.timeZone}, ${String(settings.defaultMargin)}::numeric,
      ${String(settings.privateShare)}::numeric, ${await maxOrderId(db, workspaceId)})`.execute(db);
  const count = await sql<{ n: number }>`
    select count(*)::int as n from rm_customer where workspace_id = ${workspaceId}`.execute(db);
  return { customers: count.rows[0]?.n ?? 0, ms: performance.now() - started };
}

/**
 * `yg refresh`: a full rebuild in one transaction, then a vacuum of the rebuilt tables: the
 * replaced rows are dead tuples the custom-window index scans would otherwise wade through
 * (28-day summary scan 104 ms → 25 ms on the 300k demo).
 */
export async function rebuildReadModel(
  handle: DatabaseHandle,
  workspaceId: number,
): Promise<RefreshResult> {
  const result = await handle.transaction((tx) => rebuildReadModelIn(tx.db, workspaceId));
  await sql`vacuum (analyze) ${sql.join(READ_MODEL_TABLES.map((t) => sql.table(t)))}`.execute(
    handle.db,
  );
  return result;
}

/**
 * Absorbs changed orders (inserted, updated, cancelled, moved) and changed customers (joined,
 * left) into the read model, inside the caller's transaction (imports call it after merging
 * rows). Pass every customer whose orders or membership changed in `customerIds`, except that
 * orders which were only inserted may be passed by id in `newOrderIds` instead: a customer whose
 * new orders all fall in weeks and months after their last order (a daily load) is then updated
 * from the new orders alone, any other from their whole history. Idempotent. When the model
 * was never built, or the settings it baked in (time zone, default margin, private share)
 * changed since, it rebuilds the whole workspace instead.
 */
export async function applyOrderChanges(
  tx: Pick<Transaction, 'db'>,
  workspaceId: number,
  customerIds: readonly number[],
  newOrderIds: readonly number[] = [],
): Promise<RefreshResult> {
  const started = performance.now();
  const { db } = tx;
  // One writer per workspace at a time: the deltas below must not interleave.
  const state = await sql<{ time_zone: string; default_margin: number; private_share: number }>`
    select time_zone, default_margin, private_share from rm_state
    where workspace_id = ${workspaceId} for update`.execute(db);
  const settings = await workspaceSettings(db, workspaceId);
  const built = state.rows[0];
  if (
    !built ||
    built.time_zone !== settings.timeZone ||
    built.default_margin !== settings.defaultMargin ||
    built.private_share !== settings.privateShare
  ) {
    return rebuildReadModelIn(db, workspaceId);
  }
  const ids = [...new Set(customerIds)];
  const { customers, appended } =
    ids.length > 0 || newOrderIds.length > 0
      ? await applyDelta(db, workspaceId, settings, ids, newOrderIds)
      : { customers: 0, appended: 0 };
  await sql`update rm_state set updated_at = now(),
      order_watermark = greatest(order_watermark, ${await maxOrderId(db, workspaceId)})
    where workspace_id = ${workspaceId}`.execute(db);
  return { customers, appended, ms: performance.now() - started };
}

const columnCache = new Map<string, string[]>();

/** A table's column names in order (read once per process). */
async function columnsOf(db: Db, table: string): Promise<string[]> {
  const known = columnCache.get(table);
  if (known) return known;
  const result = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
    order by attnum`.execute(db);
  const names = result.rows.map((r) => r.name);
  columnCache.set(table, names);
  return names;
}

/** Turns whole-table scans and hash/merge joins off (for index-driven steps) or back on. */
async function indexPlans(db: Db, only: boolean): Promise<void> {
  await sql`select set_config(name, ${only ? sql`'off'` : sql`reset_val`}, true) from pg_settings
    where name in ('enable_seqscan', 'enable_hashjoin', 'enable_mergejoin')`.execute(db);
}

/**
 * The delta: copy the affected customers' per-customer rows into temp tables (old), rebuild
 * theirs from their orders (fetched once) into temp tables (new), and keep only the difference
 * (gone, added). The aggregates get the net contributions of the difference (plus whole
 * customer-weeks and cohort rows where those are not additive), and the real tables lose the
 * gone rows and get the added ones: unchanged days and months are not rewritten. Only the
 * copies, the order and customer look-ups and the writes touch the big tables, through their
 * indexes. 10k new orders from 10k customers on the 300k demo: 3.5 s → 2.1 s (same run).
 * Customers that only gained orders after their history skip most of this (selectAppended):
 * the 3M demo's day of 10k new orders went from 1.37–1.77 s to 0.82–0.91 s (same machine).
 */
async function applyDelta(
  db: Db,
  ws: number,
  settings: ReadModelSettings,
  ids: readonly number[],
  newOrderIds: readonly number[],
): Promise<{ customers: number; appended: number }> {
  const orderShape = `customer_id bigint, id bigint, external_id text, ordered_at timestamptz,
    local_date date, channel text, domain text, amount_fen bigint, gross_profit_fen bigint,
    returned boolean`;
  const temps: [string, string][] = [
    ['rm_scope', 'customer_id bigint primary key'],
    ['rm_scope_orders', orderShape],
    ['rm_new_orders', `${orderShape}, status text`],
    [
      'rm_appended',
      `customer_id bigint primary key, prev_local_date date, prev2_local_date date,
       prev_orders integer`,
    ],
    [OLD_TABLES.customer, 'rm_customer'],
    [OLD_TABLES.day, 'rm_customer_day'],
    [OLD_TABLES.month, MONTH_SHAPE],
    [NEW_TABLES.customer, 'rm_customer'],
    [NEW_TABLES.day, 'rm_customer_day'],
    [NEW_TABLES.month, MONTH_SHAPE],
    [GONE_TABLES.customer, 'rm_customer'],
    [GONE_TABLES.day, 'rm_customer_day'],
    [GONE_TABLES.month, MONTH_SHAPE],
    [ADDED_TABLES.customer, 'rm_customer'],
    [ADDED_TABLES.day, 'rm_customer_day'],
    [ADDED_TABLES.month, MONTH_SHAPE],
    ['rm_cohort_changed', 'customer_id bigint primary key'],
    ['rm_touched_week', 'customer_id bigint, week date'],
    ...PER_CUSTOMER_KEYS.flatMap(([kind]): [string, string][] => [
      [`rm_update_${kind}`, REAL_TABLES[kind]],
      [`rm_remove_${kind}`, REAL_TABLES[kind]],
    ]),
  ];
  // The temp tables live as long as the connection and are emptied at each commit (an in-place
  // truncation): creating and dropping ~20 tables per delta cost catalog writes on every run.
  // One statement makes sure they exist and are empty (a second delta in the same transaction).
  const statements = temps.map(([temp, like]) => {
    const shape = like.startsWith('(') ? like : like.includes(' ') ? `(${like})` : `(like ${like})`;
    return `create temp table if not exists ${temp} ${shape} on commit delete rows;
      delete from ${temp};`;
  });
  await sql.raw(`do $$ begin ${statements.join('\n')} end $$`).execute(db);
  if (newOrderIds.length > 0) {
    await sql`
      insert into rm_new_orders
      select o.customer_id, o.id, o.external_id, o.ordered_at, o.local_date, o.channel, o.domain,
        o.amount_fen, o.gross_profit_fen, o.returned, o.status
      from unnest(${newOrderIds.map(String)}::bigint[]) n(id)
      cross join lateral (select * from orders where workspace_id = ${ws} and id = n.id
        offset 0) o`.execute(db);
  }
  await sql`insert into rm_scope (customer_id)
    select unnest(${ids.map(String)}::bigint[])
    union select customer_id from rm_new_orders`.execute(db);
  await sql`analyze rm_scope (customer_id)`.execute(db);
  // No JIT: the forced index plans carry the planner's huge "disabled" cost, which crossed the
  // JIT thresholds and made Postgres compile every statement (~0.3 s each, more than the
  // statement itself on 10k customers). The week and set-difference steps hash a few 10k rows:
  // at least 64MB keeps them in memory. The caller's values are restored at the end.
  const before = await sql<{ jit: string; work_mem: string; work_mem_kb: number }>`
    select current_setting('jit') as jit, current_setting('work_mem') as work_mem,
      (select setting::int from pg_settings where name = 'work_mem') as work_mem_kb`.execute(db);
  const caller = before.rows[0]!;
  await sql`select set_config('jit', 'off', true)`.execute(db);
  if (caller.work_mem_kb < 65536) {
    await sql`select set_config('work_mem', '64MB', true)`.execute(db);
  }

  // Big tables: reach rows through the (workspace_id, customer_id) indexes only. Of the temp
  // tables only the scope ones are analyzed (on their key): the old/new ones are read whole by
  // hash joins the planner sizes from their page counts, and analyzing the six of them cost
  // ~10% of a 10k-customer delta for no better plan (3M demo, alternating runs).
  await indexPlans(db, true);
  await sql`
    insert into ${sql.table(OLD_TABLES.customer)} select * from rm_customer
    where workspace_id = ${ws} and customer_id in (select customer_id from rm_scope)`.execute(db);
  if (newOrderIds.length > 0) {
    await indexPlans(db, false);
    await selectAppended(db, ids);
    await indexPlans(db, true);
  }
  await sql`
    insert into ${sql.table(OLD_TABLES.day)} select * from rm_customer_day
    where workspace_id = ${ws} and customer_id in (select customer_id from rm_scope)`.execute(db);
  await indexPlans(db, false);
  // The affected customers' counted orders, once (offset 0 keeps each look-up on the index).
  await sql`
    insert into rm_scope_orders
    select o.* from rm_scope s
    cross join lateral (select customer_id, id, external_id, ordered_at, local_date, channel,
        domain, amount_fen, gross_profit_fen, returned
      from orders where workspace_id = ${ws} and customer_id = s.customer_id
        and status <> 'cancelled' offset 0) o`.execute(db);
  await sql`analyze rm_scope_orders (customer_id)`.execute(db);
  const fresh: Ctx = { db, ws, settings, scoped: true, tables: NEW_TABLES };
  await buildCustomerMonths({ ...fresh, tables: OLD_TABLES });
  await buildCustomers(fresh);
  await buildCustomerDays(fresh);
  if (newOrderIds.length > 0) await buildAppended(fresh);
  await buildCustomerMonths(fresh);
  // What changed: rows only on the old side (gone) or only on the new side (added).
  for (const [kind, old] of Object.entries(OLD_TABLES) as [keyof typeof OLD_TABLES, string][]) {
    const fresh = NEW_TABLES[kind];
    await sql`insert into ${sql.table(GONE_TABLES[kind])}
      select * from ${sql.table(old)} except all select * from ${sql.table(fresh)}`.execute(db);
    await sql`insert into ${sql.table(ADDED_TABLES[kind])}
      select * from ${sql.table(fresh)} except all select * from ${sql.table(old)}`.execute(db);
  }
  // Customers whose cohort keys changed; customer-weeks with a changed day.
  const cohortKeys = sql.raw('customer_id, first_order_month, join_month, join_cut, leave_cut');
  await sql`insert into rm_cohort_changed
    select customer_id from (
      select ${cohortKeys} from rm_old_customer except select ${cohortKeys} from rm_new_customer
    ) x
    union select customer_id from (
      select ${cohortKeys} from rm_new_customer except select ${cohortKeys} from rm_old_customer
    ) y`.execute(db);
  await sql`insert into rm_touched_week
    select distinct customer_id, date_trunc('week', local_date::timestamp)::date
    from (select customer_id, local_date from rm_gone_day
      union all select customer_id, local_date from rm_added_day) d`.execute(db);
  for (const t of ['rm_cohort_changed', 'rm_touched_week']) {
    await sql`analyze ${sql.table(t)} (customer_id)`.execute(db);
  }
  const inWeeks = sql`(t.customer_id, date_trunc('week', t.local_date::timestamp)::date)
    in (select customer_id, week from rm_touched_week)`;
  const changed = (alias: string) =>
    sql`${sql.ref(`${alias}.customer_id`)} in (select customer_id from rm_cohort_changed)`;
  await contribute(db, ws, {
    days: unionAll([signedRows(-1, 'rm_gone_day'), signedRows(1, 'rm_added_day')]),
    months: unionAll([signedRows(-1, 'rm_gone_month'), signedRows(1, 'rm_added_month')]),
    weekDays: unionAll([
      signedRows(-1, 'rm_old_day', inWeeks),
      signedRows(1, 'rm_new_day', inWeeks),
    ]),
    cohortMonths: unionAll([
      signedCohortMonths(-1, 'rm_gone_month', 'rm_old_customer', sql`not ${changed('rc')}`),
      signedCohortMonths(1, 'rm_added_month', 'rm_new_customer', sql`not ${changed('rc')}`),
      signedCohortMonths(-1, 'rm_old_month', 'rm_old_customer', changed('rc')),
      signedCohortMonths(1, 'rm_new_month', 'rm_new_customer', changed('rc')),
    ]),
    customers: unionAll([
      signedRows(-1, 'rm_old_customer', changed('t')),
      signedRows(1, 'rm_new_customer', changed('t')),
    ]),
  });
  // Write only what changed: most of an affected customer's days are as they were (a new order
  // adds one day), and rewriting them cost more than everything else together. A key on both
  // sides is updated in place: no indexed column changes, so with the tables' free space
  // (fillfactor, migration 0009) it is a heap-only update that touches no index.
  // Which keys are on both sides (update), only gone (delete), only added (insert): hashed
  // here, between the small temp tables, before the index-only plans below.
  const writes = PER_CUSTOMER_KEYS.map(([kind, key]) => {
    const on = (a: string, b: string) =>
      sql.join(
        key.map((k) => sql`${sql.ref(`${a}.${k}`)} = ${sql.ref(`${b}.${k}`)}`),
        sql` and `,
      );
    return { kind, key, on, update: `rm_update_${kind}`, remove: `rm_remove_${kind}` };
  });
  for (const w of writes) {
    const gone = sql.table(GONE_TABLES[w.kind]);
    const added = sql.table(ADDED_TABLES[w.kind]);
    await sql`insert into ${sql.table(w.update)}
      select x.* from ${added} x where exists (select 1 from ${gone} g where ${w.on('g', 'x')})`.execute(
      db,
    );
    await sql`insert into ${sql.table(w.remove)}
      select x.* from ${gone} x where not exists (select 1 from ${added} a where ${w.on('a', 'x')})`.execute(
      db,
    );
    await sql`delete from ${added} x using ${sql.table(w.update)} u where ${w.on('u', 'x')}`.execute(
      db,
    );
  }
  await indexPlans(db, true);
  for (const w of writes) {
    const table = REAL_TABLES[w.kind];
    const values = (await columnsOf(db, table)).filter(
      (c) => c !== 'workspace_id' && !(w.key as readonly string[]).includes(c),
    );
    await sql`
      update ${sql.table(table)} r set ${sql.join(values.map((c) => sql`${sql.ref(c)} = x.${sql.ref(c)}`))}
      from ${sql.table(w.update)} x
      where r.workspace_id = ${ws} and ${w.on('r', 'x')}`.execute(db);
    await sql`
      delete from ${sql.table(table)} r using ${sql.table(w.remove)} x
      where r.workspace_id = ${ws} and ${w.on('r', 'x')}`.execute(db);
    await sql`
      insert into ${sql.table(table)} select * from ${sql.table(ADDED_TABLES[w.kind])}
      order by 2, 3`.execute(db);
  }
  await indexPlans(db, false);
  await dropEmptyAggregates(db, ws);
  await sql`select set_config('jit', ${caller.jit}, true),
    set_config('work_mem', ${caller.work_mem}, true)`.execute(db);
  const counts = await sql<{ whole: number; appended: number }>`
    select (select count(*) from rm_scope)::int as whole,
      (select count(*) from rm_appended)::int as appended`.execute(db);
  const { whole, appended } = counts.rows[0]!;
  return { customers: whole + appended, appended };
}

/**
 * The appended path: a customer passed only through new orders, with a built history
 * (rm_old_customer), all of whose new orders count and fall in weeks and months that begin after
 * their last order day. None of their stored days can change and none shares a week or month with
 * the new ones, so the delta needs neither their old days nor their other orders: the new days and
 * the updated rm_customer row are derived from the new orders and the stored row, whose last
 * order day, that day's orders and the day before it seed the previous-day columns (rm_appended).
 * Such customers leave rm_scope (the
 * whole-history path) for rm_appended; their old days are left out of both sides of the
 * difference, where they would cancel. Absorbing the same orders twice takes the whole-history
 * path the second time (the last order day has moved), so it stays idempotent.
 */
async function selectAppended(db: Db, wholeHistory: readonly number[]): Promise<void> {
  const weekOrMonth = (d: RawBuilder<unknown>) =>
    sql`least(date_trunc('week', ${d}::timestamp), date_trunc('month', ${d}::timestamp))::date`;
  await sql`
    insert into rm_appended
    select rc.customer_id, rc.last_local_date, rc.before_last_local_date, rc.last_day_orders
    from (
      select customer_id, ${weekOrMonth(sql`min(local_date)`)} as first_period
      from rm_new_orders
      group by customer_id
      having bool_and(status <> 'cancelled')
    ) n
    join ${sql.table(OLD_TABLES.customer)} rc on rc.customer_id = n.customer_id
    where rc.first_order_id is not null and rc.last_local_date < n.first_period
      and n.customer_id <> all(${wholeHistory.map(String)}::bigint[])`.execute(db);
  await sql`delete from rm_scope where customer_id in (select customer_id from rm_appended)`.execute(
    db,
  );
  await sql`delete from rm_new_orders where customer_id not in (select customer_id from rm_appended)`.execute(
    db,
  );
}

/** The appended customers' new rm_customer rows and days (see selectAppended). */
async function buildAppended(ctx: Ctx): Promise<void> {
  const added: Record<string, RawBuilder<unknown>> = {
    orders: sql`rc.orders + a.orders`,
    gmv_fen: sql`rc.gmv_fen + a.gmv_fen`,
    gross_profit_fen: sql`rc.gross_profit_fen + a.gross_profit_fen`,
    last_local_date: sql`a.last_local_date`,
    last_day_orders: sql`a.last_day_orders`,
    before_last_local_date: sql`coalesce(a.before_last_local_date, rc.last_local_date)`,
  };
  const columns = await columnsOf(ctx.db, 'rm_customer');
  await sql`
    insert into ${sql.table(ctx.tables.customer)}
    select ${sql.join(columns.map((c) => added[c] ?? sql.ref(`rc.${c}`)))}
    from ${sql.table(OLD_TABLES.customer)} rc
    join (${customerTotals(ctx, sql`from rm_new_orders`)}) a on a.customer_id = rc.customer_id`.execute(
    ctx.db,
  );
  await buildCustomerDays(ctx, { orders: 'rm_new_orders', seeds: 'rm_appended' });
}

/**
 * Absorbs orders added since the last refresh (order id above the watermark) as new orders: for
 * loaders that only append. Updates to existing orders need applyOrderChanges with their customers.
 */
export async function applyNewOrders(
  tx: Pick<Transaction, 'db'>,
  workspaceId: number,
): Promise<RefreshResult> {
  const mark = await sql<{ order_watermark: number }>`
    select order_watermark from rm_state where workspace_id = ${workspaceId}`.execute(tx.db);
  const watermark = mark.rows[0]?.order_watermark ?? 0;
  const rows = await sql<{ id: number }>`
    select id from orders where workspace_id = ${workspaceId} and id > ${watermark}`.execute(tx.db);
  return applyOrderChanges(
    tx,
    workspaceId,
    [],
    rows.rows.map((r) => Number(r.id)),
  );
}
