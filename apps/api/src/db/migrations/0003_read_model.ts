import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// The read model (docs/decisions/0002-read-model.md): rollups the dashboards read instead of the
// raw orders. Every table is keyed by workspace_id first. Dates are workspace-local.
// A customer's membership is kept as two "cut" dates: the first local date D whose midnight is at
// or after joined_private_at (left_private_at), or 9999-12-31 when unset. The customer is private
// at the midnight starting date T ⇔ join_cut <= T and leave_cut > T. The *_cut_month columns do
// the same at month starts (the first month start at or after the instant).

const FACTS = (t: string) =>
  sql.raw(`
  orders integer not null,
  returned_orders integer not null,
  gmv_fen bigint not null,
  repeat_gmv_fen bigint not null,
  private_channel_gmv_fen bigint not null,
  gross_profit_fen bigint not null,
  credited_public_fen bigint not null,
  credited_private_fen bigint not null${t}`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_state (
      workspace_id bigint primary key references workspaces(id) on delete cascade,
      time_zone text not null,
      default_margin numeric not null,
      private_share numeric not null,
      order_watermark bigint not null default 0,
      rebuilt_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  // One row per customer: first-ever counted order, lifetime totals, cohorts, membership cuts.
  await sql`
    create table rm_customer (
      workspace_id bigint not null,
      customer_id bigint not null,
      joined_private_at timestamptz,
      left_private_at timestamptz,
      join_month date,
      join_cut date not null,
      leave_cut date not null,
      first_order_id bigint,
      first_ordered_at timestamptz,
      first_local_date date,
      first_order_month date,
      first_channel text,
      first_domain text,
      first_amount_fen bigint,
      orders integer not null,
      gmv_fen bigint not null,
      gross_profit_fen bigint not null,
      last_local_date date,
      primary key (workspace_id, customer_id)
    )`.execute(db);

  // Narrow per-customer facts by local day and by local month: the bounded scan for custom
  // windows, and the source every aggregate below is derived from (and corrected by delta).
  await sql`
    create table rm_customer_day (
      workspace_id bigint not null,
      local_date date not null,
      customer_id bigint not null,
      ${FACTS(',')}
      join_cut date not null,
      leave_cut date not null,
      primary key (workspace_id, local_date, customer_id)
    )`.execute(db);
  await sql`create index rm_customer_day_customer_idx on rm_customer_day (workspace_id, customer_id)`.execute(
    db,
  );
  await sql`
    create table rm_customer_month (
      workspace_id bigint not null,
      month date not null,
      customer_id bigint not null,
      ${FACTS(',')}
      join_cut date not null,
      leave_cut date not null,
      primary key (workspace_id, month, customer_id)
    )`.execute(db);
  await sql`create index rm_customer_month_customer_idx on rm_customer_month (workspace_id, customer_id)`.execute(
    db,
  );

  // Additive sums per local day (attribution, sums for any range).
  await sql`
    create table rm_daily (
      workspace_id bigint not null,
      local_date date not null,
      ${FACTS('')},
      primary key (workspace_id, local_date)
    )`.execute(db);

  // Per week (Monday) and calendar month, per customer group at the period's end: the
  // non-additive distinct counts next to the sums.
  await sql`
    create table rm_period (
      workspace_id bigint not null,
      grain text not null check (grain in ('week', 'month')),
      period_start date not null,
      segment text not null check (segment in ('public', 'private')),
      buyers integer not null,
      repeat_buyers integer not null,
      ${FACTS(',')}
      primary key (workspace_id, grain, period_start, segment)
    )`.execute(db);

  // Cohorts (retention and historical LTV): active customers and value per cohort month and
  // activity month, kept apart by the month cuts of membership (clamped: a cut at or before the
  // month after the activity month is stored as that month, since every as-of instant is later).
  await sql`
    create table rm_cohort_month (
      workspace_id bigint not null,
      basis text not null check (basis in ('first_order', 'private_join')),
      cohort_month date not null,
      activity_month date not null,
      join_cut_month date not null,
      leave_cut_month date not null,
      customers integer not null,
      gmv_fen bigint not null,
      gross_profit_fen bigint not null,
      primary key (workspace_id, basis, cohort_month, activity_month, join_cut_month, leave_cut_month)
    )`.execute(db);
  await sql`
    create table rm_cohort_size (
      workspace_id bigint not null,
      basis text not null check (basis in ('first_order', 'private_join')),
      cohort_month date not null,
      join_cut_month date not null,
      leave_cut_month date not null,
      customers integer not null,
      primary key (workspace_id, basis, cohort_month, join_cut_month, leave_cut_month)
    )`.execute(db);

  // The rollups carry no per-row foreign key (its check per inserted row doubled rebuild time);
  // deleting a workspace removes them with this trigger instead, like a cascade.
  await sql`
    create function rm_forget_workspace() returns trigger language plpgsql as $$
    begin
      delete from rm_customer where workspace_id = old.id;
      delete from rm_customer_day where workspace_id = old.id;
      delete from rm_customer_month where workspace_id = old.id;
      delete from rm_daily where workspace_id = old.id;
      delete from rm_period where workspace_id = old.id;
      delete from rm_cohort_month where workspace_id = old.id;
      delete from rm_cohort_size where workspace_id = old.id;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger rm_forget_workspace after delete on workspaces
    for each row execute function rm_forget_workspace()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists rm_forget_workspace on workspaces`.execute(db);
  await sql`drop function if exists rm_forget_workspace()`.execute(db);
  for (const table of [
    'rm_cohort_size',
    'rm_cohort_month',
    'rm_period',
    'rm_daily',
    'rm_customer_month',
    'rm_customer_day',
    'rm_customer',
    'rm_state',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
