import { sql, type Kysely } from 'kysely';

/**
 * rm_daily_customers (decision 0014): per workspace and local day, the customers whose first
 * counted order falls on it by that order's domain, and the members who joined and who left on
 * it, an instant being on the day D with start(D) ≤ instant < start(D + 1), start as
 * startOfLocalDate (@yugang/metrics) computes it. ROI's new customers and new members, and the
 * review's members, then read a window's days instead of its rm_customer rows (~1–2M index
 * entries for 24 months at 3M customers). Existing read models are filled here from rm_customer
 * with the time zone they were built in (rm_state), so no rebuild is needed. Its own trigger
 * deletes a workspace's rows, like the other rollups' (no per-row foreign key). Frozen in time:
 * no app imports.
 */
const COLUMNS = ['new_public_customers', 'new_private_customers', 'joined_private', 'left_private'];

/** The instant local date `day` begins in zone `tz` (SQL expressions), as startOfLocalDate. */
const startOfDay = (day: string, tz: string) => {
  const guess = `((${day})::timestamp at time zone 'UTC')`;
  const first = `(${guess} - ((${guess} at time zone ${tz}) - (${day})::timestamp))`;
  return `(${guess} - ((${first} at time zone ${tz}) - (${first} at time zone 'UTC')))`;
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_daily_customers (
      workspace_id bigint not null,
      local_date date not null,
      ${sql.raw(COLUMNS.map((c) => `${c} integer not null`).join(',\n'))},
      primary key (workspace_id, local_date)
    )`.execute(db);
  await sql`
    create function rm_daily_customers_forget() returns trigger language plpgsql as $$
    begin
      delete from rm_daily_customers where workspace_id = old.id;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger rm_daily_customers_forget after delete on workspaces
    for each row execute function rm_daily_customers_forget()`.execute(db);
  // An instant's day: its local date L, or L − 1 before start(L), or L + 1 from start(L + 1),
  // with each (zone, L)'s starts computed once.
  const instants = (column: string, joined: number) => `
    select c.workspace_id, s.time_zone as tz, c.${column} as at,
      (c.${column} at time zone s.time_zone)::date as local, ${joined} as joined
    from rm_customer c join rm_state s on s.workspace_id = c.workspace_id
    where c.${column} is not null`;
  const sums = COLUMNS.map((c) => `sum(${c})`);
  await sql`
    insert into rm_daily_customers (workspace_id, local_date, ${sql.raw(COLUMNS.join(', '))})
    with i as materialized (
      ${sql.raw(instants('joined_private_at', 1))}
      union all ${sql.raw(instants('left_private_at', 0))}
    ), starts as materialized (
      select tz, local, ${sql.raw(startOfDay('local', 'tz'))} as s0,
        ${sql.raw(startOfDay('local + 1', 'tz'))} as s1
      from (select distinct tz, local from i) l
    )
    select workspace_id, local_date, ${sql.raw(sums.join(', '))}
    from (
      select c.workspace_id, c.first_local_date as local_date,
        (c.first_domain = 'public')::int as new_public_customers,
        (c.first_domain = 'private')::int as new_private_customers,
        0 as joined_private, 0 as left_private
      from rm_customer c join rm_state s on s.workspace_id = c.workspace_id
      where c.first_local_date is not null
      union all
      select i.workspace_id, case when i.at < s.s0 then i.local - 1
          when i.at >= s.s1 then i.local + 1 else i.local end,
        0, 0, i.joined, 1 - i.joined
      from i join starts s on s.tz = i.tz and s.local = i.local
    ) e
    group by 1, 2
    having not (${sql.raw(sums.map((x) => `${x} = 0`).join(' and '))})
    order by 1, 2`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists rm_daily_customers_forget on workspaces`.execute(db);
  await sql`drop function if exists rm_daily_customers_forget()`.execute(db);
  await sql`drop table if exists rm_daily_customers`.execute(db);
}
