import { sql, type Kysely } from 'kysely';

/**
 * Custom summary windows without grouping by customer (docs/decisions/0002-read-model.md).
 * Each customer-day row learns the customer's two previous order days and the previous day's
 * order count. In a window [from, to) a customer's first row is the one whose previous order day
 * is before `from`, so buyers and repeat buyers become row filters: one pass over the window's
 * rows instead of a hash of every customer in it (28 days of the 3M-customer demo: ~0.5–0.8 s of
 * grouping gone).
 * rm_customer_month goes: with ~1.1 order days per customer-month it held almost as many rows as
 * rm_customer_day, cost a third of every rebuild and delta write, and the month-aligned windows it
 * served are answered by the same day scan. Month rollups now group customer-days on the fly.
 * Existing rows are carried over and filled here, so no rebuild is needed. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Rewritten rather than updated in place: the new table keeps the rows in date order (the
  // window scans read them by date) and gets its indexes built once, after the load.
  await sql`create table rm_customer_day_next (like rm_customer_day including constraints)`.execute(
    db,
  );
  await sql`alter table rm_customer_day_next add column prev_local_date date,
    add column prev2_local_date date, add column prev_orders integer`.execute(db);
  await sql`
    insert into rm_customer_day_next
    select d.*, lag(local_date) over w, lag(local_date, 2) over w, lag(orders) over w
    from rm_customer_day d
    window w as (partition by workspace_id, customer_id order by local_date)
    order by workspace_id, local_date, customer_id`.execute(db);
  await sql`drop table rm_customer_day`.execute(db);
  await sql`alter table rm_customer_day_next rename to rm_customer_day`.execute(db);
  await sql`alter table rm_customer_day add constraint rm_customer_day_pkey
    primary key (workspace_id, local_date, customer_id)`.execute(db);
  await sql`create index rm_customer_day_customer_idx on rm_customer_day (workspace_id, customer_id)`.execute(
    db,
  );
  await sql`drop table rm_customer_month`.execute(db);
  await sql`
    create or replace function rm_forget_workspace() returns trigger language plpgsql as $$
    begin
      delete from rm_customer where workspace_id = old.id;
      delete from rm_customer_day where workspace_id = old.id;
      delete from rm_daily where workspace_id = old.id;
      delete from rm_period where workspace_id = old.id;
      delete from rm_cohort_month where workspace_id = old.id;
      delete from rm_cohort_size where workspace_id = old.id;
      return old;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_customer_month (
      workspace_id bigint not null,
      month date not null,
      customer_id bigint not null,
      orders integer not null,
      returned_orders integer not null,
      gmv_fen bigint not null,
      repeat_gmv_fen bigint not null,
      private_channel_gmv_fen bigint not null,
      gross_profit_fen bigint not null,
      credited_public_fen bigint not null,
      credited_private_fen bigint not null,
      join_cut date not null,
      leave_cut date not null,
      primary key (workspace_id, month, customer_id)
    )`.execute(db);
  await sql`create index rm_customer_month_customer_idx on rm_customer_month (workspace_id, customer_id)`.execute(
    db,
  );
  await sql`
    insert into rm_customer_month
    select workspace_id, date_trunc('month', local_date::timestamp)::date, customer_id,
      sum(orders), sum(returned_orders), sum(gmv_fen), sum(repeat_gmv_fen),
      sum(private_channel_gmv_fen), sum(gross_profit_fen), sum(credited_public_fen),
      sum(credited_private_fen), min(join_cut), min(leave_cut)
    from rm_customer_day
    group by 1, 2, 3`.execute(db);
  await sql`
    create or replace function rm_forget_workspace() returns trigger language plpgsql as $$
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
  await sql`alter table rm_customer_day drop column prev_local_date,
    drop column prev2_local_date, drop column prev_orders`.execute(db);
}
