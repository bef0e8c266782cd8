/**
 * The read model's aggregates (rm_daily, rm_period, rm_cohort_month, rm_cohort_size), kept by
 * "contributions": signed per-customer rows added to every aggregate by one upsert each. A rebuild
 * contributes every row with +1; a delta subtracts the affected customers' old rows and adds their
 * new ones (read-model.delta.ts), so both paths give identical rows.
 */
import { sql, type RawBuilder } from 'kysely';
import {
  FACT_COLUMNS,
  NEVER,
  NEVER_MONTH,
  REAL_TABLES,
  factList,
  type Db,
} from './read-model.build.js';
import {
  DAILY_CUSTOMER_COLUMNS,
  customerEvents,
  customerKeys,
} from './read-model.daily-customers.js';
import { contributeSpans } from './read-model.windows.js';

/** The first month start on or after a cut date. */
function cutMonth(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`case when ${expr} = ${NEVER} then ${NEVER_MONTH}
    else date_trunc('month', ${expr} + interval '1 month' - interval '1 day')::date end`;
}

function nextMonth(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(${expr} + interval '1 month')::date`;
}

const addOnConflict = (table: string, columns: readonly string[]) =>
  sql.raw(columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));

/**
 * Signed per-customer rows (column `sg`: +1 added, -1 taken away) that feed the aggregates. A
 * rebuild passes every row with +1. A delta passes only what can change an aggregate: days and
 * months that differ between the old and new rows (the additive facts), the old and new days of
 * the customer-weeks those touch (distinct buyers per week), and all months of the customers
 * whose cohort keys changed (cohort tables).
 */
export interface Contributions {
  /** rm_customer_day rows: rm_daily and rm_window_span. */
  days: RawBuilder<unknown>;
  /** Customer-month rows (days summed per month): rm_period by month. */
  months: RawBuilder<unknown>;
  /** rm_customer_day rows, whole customer-weeks: rm_period by week. */
  weekDays: RawBuilder<unknown>;
  /** Customer-month rows joined with their rm_customer row: rm_cohort_month. */
  cohortMonths: RawBuilder<unknown>;
  /** rm_customer rows: rm_cohort_size. */
  customers: RawBuilder<unknown>;
  /** Per-day events of rm_customer rows (customerEvents): rm_daily_customers. */
  customerEvents: RawBuilder<unknown>;
}

export const signedRows = (sign: 1 | -1, table: string, where: RawBuilder<unknown> = sql`true`) =>
  sql`select ${sql.lit(sign)}::int as sg, t.* from ${sql.table(table)} t where ${where}`;

export const signedCohortMonths = (
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

export const unionAll = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` union all `);

export function rebuildContributions(ws: number, timeZone: string): Contributions {
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
    customerEvents: customerEvents(customerKeys(signedRows(1, 'rm_customer', own)), timeZone),
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
export async function contribute(db: Db, ws: number, rows: Contributions): Promise<void> {
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
  await contributeSpans(db, ws, rows.days);

  const eventSums = sumSigned(DAILY_CUSTOMER_COLUMNS);
  await sql`
    insert into rm_daily_customers (workspace_id, local_date, ${sql.raw(DAILY_CUSTOMER_COLUMNS.join(', '))})
    select ${ws}::bigint, local_date, ${sql.join(eventSums)}
    from (${rows.customerEvents}) e
    group by local_date
    ${anyChange(eventSums)}
    on conflict (workspace_id, local_date)
      do update set ${addOnConflict('rm_daily_customers', DAILY_CUSTOMER_COLUMNS)}`.execute(db);

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

export async function dropEmptyAggregates(db: Db, ws: number): Promise<void> {
  await sql`delete from rm_daily where workspace_id = ${ws} and orders = 0`.execute(db);
  await sql`delete from rm_daily_customers where workspace_id = ${ws}
    and ${sql.raw(DAILY_CUSTOMER_COLUMNS.map((c) => `${c} = 0`).join(' and '))}`.execute(db);
  await sql`delete from rm_period where workspace_id = ${ws} and buyers = 0`.execute(db);
  await sql`delete from rm_cohort_month where workspace_id = ${ws} and customers = 0`.execute(db);
  await sql`delete from rm_cohort_size where workspace_id = ${ws} and customers = 0`.execute(db);
}
