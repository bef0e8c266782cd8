import { sql, type Kysely } from 'kysely';

/**
 * The team KPIs' conversions per day (decision 0016): rm_daily_customers also counts the
 * first-timers of each first-order day who repurchased within 90 days (`first_repurchased`,
 * rm_customer.repurchased_at kept) and the members of each join day whose first order after
 * joining came within 30 days (`joined_converted`, converted_at kept), a join keyed by its day as
 * in migration 0025. A window's conversions then read its days, and rm_customer's rows only for
 * the few days around the instant their span ends (asOf less 30 or 90 days). Existing read models
 * are filled here from rm_customer with the time zone they were built in (rm_state): every day
 * with such a customer already has its row (its first order or its join). Frozen in time: no app
 * imports.
 */

/** The instant local date `day` begins in zone `tz` (SQL expressions), as startOfLocalDate. */
const startOfDay = (day: string, tz: string) => {
  const guess = `((${day})::timestamp at time zone 'UTC')`;
  const first = `(${guess} - ((${guess} at time zone ${tz}) - (${day})::timestamp))`;
  return `(${guess} - ((${first} at time zone ${tz}) - (${first} at time zone 'UTC')))`;
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_daily_customers
    add column first_repurchased integer not null default 0,
    add column joined_converted integer not null default 0`.execute(db);
  await sql`alter table rm_daily_customers
    alter column first_repurchased drop default,
    alter column joined_converted drop default`.execute(db);
  await sql`
    update rm_daily_customers d set first_repurchased = r.n
    from (
      select workspace_id, first_local_date, count(*)::int as n from rm_customer
      where repurchased_at is not null group by 1, 2
    ) r
    where d.workspace_id = r.workspace_id and d.local_date = r.first_local_date`.execute(db);
  await sql`
    with i as materialized (
      select c.workspace_id, s.time_zone as tz, c.joined_private_at as at,
        (c.joined_private_at at time zone s.time_zone)::date as local
      from rm_customer c join rm_state s on s.workspace_id = c.workspace_id
      where c.converted_at is not null and c.joined_private_at is not null
    ), starts as materialized (
      select tz, local, ${sql.raw(startOfDay('local', 'tz'))} as s0,
        ${sql.raw(startOfDay('local + 1', 'tz'))} as s1
      from (select distinct tz, local from i) l
    )
    update rm_daily_customers d set joined_converted = j.n
    from (
      select i.workspace_id, case when i.at < s.s0 then i.local - 1
          when i.at >= s.s1 then i.local + 1 else i.local end as local_date,
        count(*)::int as n
      from i join starts s on s.tz = i.tz and s.local = i.local
      group by 1, 2
    ) j
    where d.workspace_id = j.workspace_id and d.local_date = j.local_date`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rm_daily_customers
    drop column if exists first_repurchased,
    drop column if exists joined_converted`.execute(db);
}
