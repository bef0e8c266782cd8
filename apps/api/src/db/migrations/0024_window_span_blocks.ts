import { sql, type Kysely } from 'kysely';

/**
 * Bounded maintenance of rm_window_span (decision 0010): its running sums restart at every
 * calendar month of span_end (the end's block), and rm_window_span_block keeps, per (grain,
 * segment, span_start) and month of span_end, that month's totals and their running sum over
 * months. A read adds the block sums before the month of `to` to the in-block sum up to `to`
 * (two probes per start); a change rewrites the rest of one block and the later block sums of the
 * starts it touches, instead of every later row of those starts (a late day at 3M customers:
 * 27–50 s). Existing read models are converted here, so no rebuild is needed. Frozen in time: no
 * app imports.
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
const runs = WEIGHTS.map((c) => `run_${c}`).join(', ');
const KEY = 'workspace_id, grain, segment, span_start';

/** rm_window_span's running sums from its point values, partitioned by `by`. */
async function runningSums(db: Kysely<any>, by: string): Promise<void> {
  await sql`
    update rm_window_span w set ${sql.raw(WEIGHTS.map((c) => `run_${c} = r.run_${c}`).join(', '))}
    from (
      select ${sql.raw(KEY)}, span_end,
        ${sql.raw(WEIGHTS.map((c) => `sum(${c}) over starts as run_${c}`).join(', '))}
      from rm_window_span
      window starts as (partition by ${sql.raw(by)} order by span_end)
    ) r
    where (w.workspace_id, w.grain, w.segment, w.span_start, w.span_end)
        = (r.workspace_id, r.grain, r.segment, r.span_start, r.span_end)
      and (${sql.raw(WEIGHTS.map((c) => `w.run_${c}`).join(', '))})
        is distinct from (${sql.raw(WEIGHTS.map((c) => `r.run_${c}`).join(', '))})`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rm_window_span_block (
      workspace_id bigint not null,
      grain text not null,
      segment text not null,
      span_start date not null,
      end_month date not null,
      ${sql.raw(WEIGHTS.map((c) => `${c} bigint not null, run_${c} bigint not null`).join(',\n'))},
      primary key (workspace_id, grain, segment, span_start, end_month)
    ) with (fillfactor = 90)`.execute(db);
  await sql`
    create function rm_window_span_block_forget() returns trigger language plpgsql as $$
    begin
      delete from rm_window_span_block where workspace_id = old.id;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger rm_window_span_block_forget after delete on workspaces
    for each row execute function rm_window_span_block_forget()`.execute(db);
  await runningSums(db, `${KEY}, date_trunc('month', span_end::timestamp)`);
  await sql`
    insert into rm_window_span_block (${sql.raw(KEY)}, end_month, ${sql.raw(WEIGHTS.join(', '))},
      ${sql.raw(runs)})
    select ${sql.raw(KEY)}, date_trunc('month', span_end::timestamp)::date,
      ${sql.raw(WEIGHTS.map((c) => `sum(${c})`).join(', '))},
      ${sql.raw(WEIGHTS.map((c) => `sum(sum(${c})) over starts`).join(', '))}
    from rm_window_span
    group by ${sql.raw(KEY)}, 5
    having not (${sql.raw(WEIGHTS.map((c) => `sum(${c}) = 0`).join(' and '))})
    window starts as (partition by ${sql.raw(KEY)} order by date_trunc('month', span_end::timestamp)::date)
    order by ${sql.raw(KEY)}, 5`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists rm_window_span_block_forget on workspaces`.execute(db);
  await sql`drop function if exists rm_window_span_block_forget()`.execute(db);
  await sql`drop table if exists rm_window_span_block`.execute(db);
  await runningSums(db, KEY);
}
