import { sql, type Kysely } from 'kysely';

/**
 * Summary windows without scanning their customer-days: rm_window_span keeps, per workspace,
 * grain ('day': span_start is the start day; 'month': its month), segment ('all' or 'private')
 * and span [span_start, span_end), the buyers, repeat buyers and six facts of the customer-days
 * whose span it is, and their running sums over span_end (decision 0010,
 * read-model/read-model.windows.ts). Existing read models are filled here from rm_customer_day,
 * so no rebuild is needed (a few minutes at 3M customers). Its own trigger deletes a workspace's
 * rows, like the other rollups' (no per-row foreign key). Frozen in time: no app imports.
 */
const WEIGHTS = [
  'buyers',
  'repeat_buyers',
  'orders',
  'returned_orders',
  'gmv_fen',
  'repeat_gmv_fen',
  'private_channel_gmv_fen',
  'gross_profit_fen',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_window_span (
      workspace_id bigint not null,
      grain text not null,
      segment text not null,
      span_start date not null,
      span_end date not null,
      ${sql.raw(WEIGHTS.map((c) => `${c} bigint not null, run_${c} bigint not null`).join(',\n'))},
      primary key (workspace_id, grain, segment, span_start, span_end)
    ) with (fillfactor = 90)`.execute(db);
  await sql`
    create function rm_window_span_forget() returns trigger language plpgsql as $$
    begin
      delete from rm_window_span where workspace_id = old.id;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger rm_window_span_forget after delete on workspaces
    for each row execute function rm_window_span_forget()`.execute(db);
  const facts = WEIGHTS.slice(2);
  await sql`
    insert into rm_window_span (workspace_id, grain, segment, span_start, span_end,
      ${sql.raw(WEIGHTS.join(', '))}, ${sql.raw(WEIGHTS.map((c) => `run_${c}`).join(', '))})
    select workspace_id, 'day', segment, span_start, span_end, ${sql.raw(WEIGHTS.join(', '))},
      ${sql.raw(WEIGHTS.map((c) => `sum(${c}) over starts`).join(', '))}
    from (
      select workspace_id, segment, span_start, span_end, sum(s * buyers) as buyers,
        sum(s * repeat_buyers) as repeat_buyers,
        ${sql.raw(facts.map((c) => `sum(s * facts * ${c}) as ${c}`).join(', '))}
      from (
        select d.workspace_id, v.segment, i.span_start,
          greatest(d.local_date + 1, v.cut) as span_end, v.sign as s, i.buyers,
          i.repeat_buyers, i.facts, ${sql.raw(facts.map((c) => `d.${c}`).join(', '))}
        from rm_customer_day d
        cross join lateral (values ('all', null::date, 1), ('private', d.join_cut, 1),
          ('private', d.leave_cut, -1)) v(segment, cut, sign)
        cross join lateral (values (d.local_date, 1, (d.orders >= 2)::int, 1),
          (d.prev_local_date, -1,
            coalesce(d.prev_orders = 1, false)::int - (d.orders >= 2)::int, 0),
          (d.prev2_local_date, 0, -coalesce(d.prev_orders = 1, false)::int, 0))
          i(span_start, buyers, repeat_buyers, facts)
        where (v.cut is null or v.cut <> date '9999-12-31') and i.span_start is not null
          and (i.facts = 1 or i.buyers <> 0 or i.repeat_buyers <> 0)
      ) x
      group by workspace_id, segment, span_start, span_end
    ) p
    where not (${sql.raw(WEIGHTS.map((c) => `${c} = 0`).join(' and '))})
    window starts as (partition by workspace_id, segment, span_start order by span_end)
    order by workspace_id, segment, span_start, span_end`.execute(db);
  await sql`
    insert into rm_window_span (workspace_id, grain, segment, span_start, span_end,
      ${sql.raw(WEIGHTS.join(', '))}, ${sql.raw(WEIGHTS.map((c) => `run_${c}`).join(', '))})
    select workspace_id, 'month', segment, span_start, span_end, ${sql.raw(WEIGHTS.join(', '))},
      ${sql.raw(WEIGHTS.map((c) => `sum(${c}) over starts`).join(', '))}
    from (
      select workspace_id, segment, date_trunc('month', span_start::timestamp)::date as span_start,
        span_end, ${sql.raw(WEIGHTS.map((c) => `sum(${c}) as ${c}`).join(', '))}
      from rm_window_span
      group by workspace_id, segment, 3, span_end
    ) p
    where not (${sql.raw(WEIGHTS.map((c) => `${c} = 0`).join(' and '))})
    window starts as (partition by workspace_id, segment, span_start order by span_end)
    order by workspace_id, segment, span_start, span_end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists rm_window_span_forget on workspaces`.execute(db);
  await sql`drop function if exists rm_window_span_forget()`.execute(db);
  await sql`drop table if exists rm_window_span`.execute(db);
}
