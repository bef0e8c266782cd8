/**
 * The incremental path of the read model: absorbs the changed customers' orders by rebuilding
 * their per-customer rows into temp tables and contributing only the difference to the
 * aggregates (see applyDelta).
 */
import { sql, type RawBuilder } from 'kysely';
import {
  contribute,
  dropEmptyAggregates,
  signedCohortMonths,
  signedRows,
  unionAll,
} from './read-model.aggregates.js';
import {
  MONTH_SHAPE,
  REAL_TABLES,
  buildCustomerDays,
  buildCustomerMonths,
  buildCustomers,
  converted,
  customerTotals,
  repurchased,
  type Ctx,
  type Db,
} from './read-model.build.js';
import { changedCustomerKeys, customerEvents } from './read-model.daily-customers.js';
import type { ReadModelSettings } from './read-model.settings.js';

const OLD_TABLES = { customer: 'rm_old_customer', day: 'rm_old_day', month: 'rm_old_month' };
const NEW_TABLES = { customer: 'rm_new_customer', day: 'rm_new_day', month: 'rm_new_month' };
const GONE_TABLES = { customer: 'rm_gone_customer', day: 'rm_gone_day', month: 'rm_gone_month' };
const ADDED_TABLES = {
  customer: 'rm_added_customer',
  day: 'rm_added_day',
  month: 'rm_added_month',
};

/** Each stored per-customer table's key after workspace_id. */
const PER_CUSTOMER_KEYS = [
  ['customer', ['customer_id']],
  ['day', ['local_date', 'customer_id']],
] as const;

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
export async function applyDelta(
  db: Db,
  ws: number,
  settings: ReadModelSettings,
  /** Rows of `id`: customers recomputed from their whole history. */
  wholeHistory: RawBuilder<unknown>,
  /** Rows of `id`: orders inserted, which may be absorbed alone (the appended path). */
  newOrderIds: RawBuilder<unknown>,
): Promise<{ customers: number; appended: number }> {
  const orderShape = `customer_id bigint, id bigint, external_id text, ordered_at timestamptz,
    local_date date, channel text, domain text, amount_fen bigint, gross_profit_fen bigint,
    returned boolean`;
  const temps: [string, string][] = [
    ['rm_whole_history', 'customer_id bigint primary key'],
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
  await sql`insert into rm_whole_history
    select distinct id from (${wholeHistory}) c where id is not null`.execute(db);
  await sql`
    insert into rm_new_orders
    select o.customer_id, o.id, o.external_id, o.ordered_at, o.local_date, o.channel, o.domain,
      o.amount_fen, o.gross_profit_fen, o.returned, o.status
    from (${newOrderIds}) n
    cross join lateral (select * from orders where workspace_id = ${ws} and id = n.id
      offset 0) o`.execute(db);
  await sql`insert into rm_scope (customer_id)
    select customer_id from rm_whole_history
    union select customer_id from rm_new_orders`.execute(db);
  const sizes = await sql<{ scope: boolean; appending: boolean }>`
    select exists (select 1 from rm_scope) as scope,
      exists (select 1 from rm_new_orders) as appending`.execute(db);
  const { scope, appending } = sizes.rows[0]!;
  if (!scope) return { customers: 0, appended: 0 };
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
  if (appending) {
    await indexPlans(db, false);
    await selectAppended(db);
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
  if (appending) await buildAppended(fresh);
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
    customerEvents: customerEvents(
      changedCustomerKeys(GONE_TABLES.customer, ADDED_TABLES.customer),
      settings.timeZone,
      true,
    ),
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
async function selectAppended(db: Db): Promise<void> {
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
      and n.customer_id not in (select customer_id from rm_whole_history)`.execute(db);
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
    // Every new order comes after the stored ones: when a stored instant is null there was no
    // such order, or it came too late, and then so do the new ones.
    repurchased_at: sql`coalesce(rc.repurchased_at, ${repurchased(sql`a.first_at`, sql`rc.first_ordered_at`)})`,
    converted_at: sql`coalesce(rc.converted_at, ${converted(sql`j.ordered_at`, sql`rc.joined_private_at`)})`,
  };
  const columns = await columnsOf(ctx.db, 'rm_customer');
  // The first order after joining is grouped once (j): a per-customer subquery scanned the
  // unindexed temp table for each member (7.5k × 10k rows, 16 s of a 10k-order day at 3M).
  await sql`
    insert into ${sql.table(ctx.tables.customer)}
    select ${sql.join(columns.map((c) => added[c] ?? sql.ref(`rc.${c}`)))}
    from ${sql.table(OLD_TABLES.customer)} rc
    join (${customerTotals(ctx, sql`from rm_new_orders`)}) a on a.customer_id = rc.customer_id
    left join (
      select o.customer_id, min(o.ordered_at) as ordered_at
      from rm_new_orders o
      join ${sql.table(OLD_TABLES.customer)} c on c.customer_id = o.customer_id
      where o.ordered_at >= c.joined_private_at
      group by o.customer_id) j on j.customer_id = rc.customer_id`.execute(ctx.db);
  await buildCustomerDays(ctx, { orders: 'rm_new_orders', seeds: 'rm_appended' });
}
