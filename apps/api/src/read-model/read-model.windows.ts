/**
 * Summary totals of any window [from, to) in O(days) index probes, whatever the window's length:
 * the table rm_window_span (migration 0019, decision 0010), kept by the same contributions as the
 * other aggregates.
 *
 * The custom-window scan (buyers, repeat buyers and six facts over the window's customer-days, by
 * the group at the window's end) is rewritten as counts of spans [start, end) that lie inside
 * the window: start ≥ from and end ≤ to. Per customer-day row at day d (previous order days p, p2,
 * p's orders po, the day's orders o):
 * - The group at the end: private ⇔ join_cut ≤ to < leave_cut, i.e. [join_cut ≤ to] −
 *   [leave_cut ≤ to], as join_cut ≤ leave_cut (customers_left_after_join, and a cut is monotone
 *   in the instant). So 'all' (every row) and 'private' (+ the row keyed by the join cut, − the
 *   row keyed by the leave cut) are stored, and public = all − private. A row
 *   keyed by cut c counts when d < to and c ≤ to: its span ends at max(d + 1, c) ('all': d + 1).
 * - Facts: the row's span starts at d (from ≤ d).
 * - Buyers, rows with p < from ≤ d: +1 on the span from d, −1 on the span from p (p < d, so
 *   "from ≤ p" is a subset of "from ≤ d").
 * - Repeat buyers: o ≥ 2 with p < from ≤ d (as buyers), or the second row (p2 < from ≤ p,
 *   po = 1): +1 from p, −1 from p2.
 * Each (segment, start) keeps running sums over end that restart at each calendar month of the
 * end (the block), and per block the month's totals and their running sum over months
 * (rm_window_span_block, migration 0024): the spans starting on one day of the window and inside
 * it are two probes, the last block before the month of `to` and the last row of that month with
 * end ≤ to. A change rewrites the rest of its block and the later block sums of its start, not
 * every later row of the start (a late day's cost). Spans are kept twice: by start
 * day (grain 'day') and by the month of the start (grain 'month'), so a window reads its whole
 * months by month and only its ragged edges by day: at most ~60 + months probes per segment
 * (24 months: ~85) instead of one per day (730; 0.13–0.2 s at 3M customers on a loaded box).
 * Equal to the scan by construction; property-tested against it and against the oracle on
 * random data (summary.test.ts), and rows after a delta equal a rebuild (read-model.test.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { addDays, addMonths, type DateWindow } from '@yugang/metrics';
import { NEVER, type Db } from './read-model.build.js';
import {
  TOTALS_FACT_COLUMNS,
  totalsOf,
  type GroupTotals,
  type Totals,
  type TotalsRow,
} from './read-model.totals.js';

/** What each span carries: the totals' columns, as a point value and as a running sum. */
const WEIGHTS = ['buyers', 'repeat_buyers', ...TOTALS_FACT_COLUMNS] as const;
const run = (c: string) => `run_${c}`;
const refs = (names: readonly string[], prefix = '') =>
  sql.join(names.map((c) => sql.ref(`${prefix}${c}`)));

/** The block of a span's end: its calendar month. */
const monthOf = (end: RawBuilder<unknown>) => sql`date_trunc('month', ${end}::timestamp)::date`;

/**
 * The spans of signed customer-day rows (`sg`, then rm_customer_day's columns), one row per
 * (row, segment key, start) with a non-zero weight.
 */
function spansOf(days: RawBuilder<unknown>): RawBuilder<unknown> {
  const once = sql`coalesce(d.prev_orders = 1, false)::int`;
  const many = sql`(d.orders >= 2)::int`;
  return sql`
    select v.segment, i.span_start, greatest(d.local_date + 1, v.cut) as span_end,
      d.sg * v.sign as s, i.buyers, i.repeat_buyers, i.facts,
      ${sql.join(TOTALS_FACT_COLUMNS.map((c) => sql.ref(`d.${c}`)))}
    from (${days}) d
    cross join lateral (values ('all', null::date, 1), ('private', d.join_cut, 1),
      ('private', d.leave_cut, -1)) v(segment, cut, sign)
    cross join lateral (values (d.local_date, 1, ${many}, 1),
      (d.prev_local_date, -1, ${once} - ${many}, 0),
      (d.prev2_local_date, 0, -${once}, 0)) i(span_start, buyers, repeat_buyers, facts)
    where (v.cut is null or v.cut <> ${NEVER}) and i.span_start is not null
      and (i.facts = 1 or i.buyers <> 0 or i.repeat_buyers <> 0)`;
}

/**
 * Adds signed customer-day rows (a rebuild's, or a delta's gone and added days) to the spans:
 * their point values are grouped once (rm_span_change), then each grain gets them by upsert, in
 * rm_window_span by end and in rm_window_span_block by the end's month. The running sums of every
 * (segment, start, block) the change touched are recomputed from its first changed end to the
 * block's last, and the block sums of every touched start from its first changed block on: a
 * late day rewrites at most a month of each touched start's rows plus its later months' block
 * rows. Rows whose sums did not move are not rewritten; rows whose point values all fall to zero
 * are deleted (a rebuild never writes them).
 */
export async function contributeSpans(db: Db, ws: number, days: RawBuilder<unknown>) {
  const sums = [
    sql`sum(s * buyers)`,
    sql`sum(s * repeat_buyers)`,
    ...TOTALS_FACT_COLUMNS.map((c) => sql`sum(s * facts * ${sql.ref(c)})`),
  ];
  const weightColumns = WEIGHTS.map((c) => `${c} bigint`).join(', ');
  for (const [table, shape] of [
    ['rm_span_change', `segment text, span_start date, span_end date, ${weightColumns}`],
    ['rm_span_touched', 'segment text, span_start date, block date, first_end date'],
  ] as const) {
    await sql`create temp table if not exists ${sql.table(table)} (${sql.raw(shape)})
      on commit delete rows`.execute(db);
    await sql`delete from ${sql.table(table)}`.execute(db);
  }
  await sql`
    insert into rm_span_change
    select segment, span_start, span_end,
      ${sql.join(sums.map((s, i) => sql`${s} as ${sql.ref(WEIGHTS[i]!)}`))}
    from (${spansOf(days)}) x
    group by segment, span_start, span_end
    having not (${allZero(sums)})`.execute(db);
  // A delta touches a few rows of each start it changes: the planner, blind to how few rows
  // "end ≥ first changed end" leaves, hashed the whole table twice (2 s of a 10k-order day at 3M
  // customers). Index plans then; a rebuild (changes ≈ the table) keeps the whole-table plans.
  const size = await sql<{ changes: number; rows: number }>`
    select (select count(*) from rm_span_change)::float8 as changes,
      (select greatest(reltuples, 0) from pg_class where oid = 'rm_window_span'::regclass)::float8
        as rows`.execute(db);
  const few = size.rows[0]!.changes * 10 < size.rows[0]!.rows;

  for (const grain of ['day', 'month'] as const) {
    const start =
      grain === 'day' ? sql`span_start` : sql`date_trunc('month', span_start::timestamp)::date`;
    await sql`delete from rm_span_touched`.execute(db);
    // A rebuild (no rows of this grain yet): the inserts' running sums are already whole, and
    // recomputing them touched every row again (15+ minutes at 3M customers).
    const existed = await sql<{ existed: boolean }>`select exists (select 1 from rm_window_span
      where workspace_id = ${ws} and grain = ${grain}) as existed`.execute(db);
    const grouped = (end: RawBuilder<unknown>) => sql`
      select segment, ${start} as span_start, ${end} as span_end,
        ${sql.join(WEIGHTS.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`))}
      from rm_span_change
      group by 1, 2, 3
      having not (${allZero(WEIGHTS.map((c) => sql`sum(${sql.ref(c)})`))})`;
    // New rows get running sums computed here, right when their (segment, start) had no rows
    // before (a rebuild): then the recomputations below rewrite nothing.
    await sql`
      with changed as (
        insert into rm_window_span (workspace_id, grain, segment, span_start, span_end,
          ${refs(WEIGHTS)}, ${refs(WEIGHTS.map(run))})
        select ${ws}::bigint, ${grain}, segment, span_start, span_end, ${refs(WEIGHTS)},
          ${sql.join(WEIGHTS.map((c) => sql`sum(${sql.ref(c)}) over starts`))}
        from (${grouped(sql`span_end`)}) p
        window starts as (partition by segment, span_start, ${monthOf(sql`span_end`)}
          order by span_end)
        on conflict (workspace_id, grain, segment, span_start, span_end) do update set
          ${sql.raw(WEIGHTS.map((c) => `${c} = rm_window_span.${c} + excluded.${c}`).join(', '))}
        returning segment, span_start, span_end)
      insert into rm_span_touched
      select segment, span_start, ${monthOf(sql`span_end`)}, min(span_end)
      from changed group by 1, 2, 3`.execute(db);
    await sql`
      insert into rm_window_span_block (workspace_id, grain, segment, span_start, end_month,
        ${refs(WEIGHTS)}, ${refs(WEIGHTS.map(run))})
      select ${ws}::bigint, ${grain}, segment, span_start, span_end, ${refs(WEIGHTS)},
        ${sql.join(WEIGHTS.map((c) => sql`sum(${sql.ref(c)}) over starts`))}
      from (${grouped(monthOf(sql`span_end`))}) p
      window starts as (partition by segment, span_start order by span_end)
      on conflict (workspace_id, grain, segment, span_start, end_month) do update set
        ${sql.raw(WEIGHTS.map((c) => `${c} = rm_window_span_block.${c} + excluded.${c}`).join(', '))}`.execute(
      db,
    );
    if (!existed.rows[0]!.existed) continue;
    // Sized for the planner: a delta touches a few hundred starts (index probes), a rebuild all.
    await sql`analyze rm_span_touched`.execute(db);
    if (few) await planner(db, 'off');
    const key = (alias: string) =>
      sql`${sql.ref(`${alias}.workspace_id`)} = ${ws} and ${sql.ref(`${alias}.grain`)} = ${grain}
        and ${sql.ref(`${alias}.segment`)} = t.segment
        and ${sql.ref(`${alias}.span_start`)} = t.span_start`;
    const inBlock = (alias: string) =>
      sql`${sql.ref(`${alias}.span_end`)} < (t.block + interval '1 month')::date`;
    // The new sums are computed first, each touched block once, then written by primary key (the
    // planner otherwise re-ran a block's window for each of its rows), and rows whose point values
    // fell to zero are deleted in the same pass.
    await sql`
      with r as materialized (
        select t.segment, t.span_start, s.span_end, s.zero, ${sql.join(
          WEIGHTS.map(
            (c) => sql`coalesce(b.${sql.ref(run(c))}, 0) + s.${sql.ref(run(c))}
              as ${sql.ref(run(c))}`,
          ),
        )}
        from rm_span_touched t
        left join lateral (
          select ${refs(WEIGHTS.map(run))} from rm_window_span b
          where ${key('b')} and b.span_end < t.first_end and b.span_end >= t.block
          order by b.span_end desc limit 1) b on true
        cross join lateral (
          select s.span_end, ${allZero(WEIGHTS.map((c) => sql.ref(`s.${c}`)))} as zero, ${sql.join(
            WEIGHTS.map(
              (c) => sql`sum(s.${sql.ref(c)}) over (order by s.span_end) as ${sql.ref(run(c))}`,
            ),
          )}
          from rm_window_span s
          where ${key('s')} and s.span_end >= t.first_end and ${inBlock('s')}) s)
      , gone as (
        delete from rm_window_span w using r t
        where ${key('w')} and w.span_end = t.span_end and t.zero)
      update rm_window_span w
      set ${sql.join(WEIGHTS.map((c) => sql`${sql.ref(run(c))} = t.${sql.ref(run(c))}`))}
      from r t
      where ${key('w')} and w.span_end = t.span_end and not t.zero
        and (${refs(WEIGHTS.map(run), 'w.')}) is distinct from (${refs(WEIGHTS.map(run), 't.')})`.execute(
      db,
    );
    await sql`
      with r as materialized (
        select t.segment, t.span_start, s.end_month, s.zero, ${sql.join(
          WEIGHTS.map(
            (c) => sql`coalesce(b.${sql.ref(run(c))}, 0) + s.${sql.ref(run(c))}
              as ${sql.ref(run(c))}`,
          ),
        )}
        from (select segment, span_start, min(block) as block from rm_span_touched
          group by segment, span_start) t
        left join lateral (
          select ${refs(WEIGHTS.map(run))} from rm_window_span_block b
          where ${key('b')} and b.end_month < t.block
          order by b.end_month desc limit 1) b on true
        cross join lateral (
          select s.end_month, ${allZero(WEIGHTS.map((c) => sql.ref(`s.${c}`)))} as zero, ${sql.join(
            WEIGHTS.map(
              (c) => sql`sum(s.${sql.ref(c)}) over (order by s.end_month) as ${sql.ref(run(c))}`,
            ),
          )}
          from rm_window_span_block s
          where ${key('s')} and s.end_month >= t.block) s)
      , gone as (
        delete from rm_window_span_block w using r t
        where ${key('w')} and w.end_month = t.end_month and t.zero)
      update rm_window_span_block w
      set ${sql.join(WEIGHTS.map((c) => sql`${sql.ref(run(c))} = t.${sql.ref(run(c))}`))}
      from r t
      where ${key('w')} and w.end_month = t.end_month and not t.zero
        and (${refs(WEIGHTS.map(run), 'w.')}) is distinct from (${refs(WEIGHTS.map(run), 't.')})`.execute(
      db,
    );
    if (few) await planner(db, 'reset');
  }
}

/** Every one of the values is zero. */
const allZero = (values: readonly RawBuilder<unknown>[]) =>
  sql.join(
    values.map((v) => sql`${v} = 0`),
    sql` and `,
  );

/** Whole-table scans and hash/merge joins off (index plans) or back to the session's values. */
async function planner(db: Db, to: 'off' | 'reset'): Promise<void> {
  await sql`select set_config(name, ${to === 'off' ? sql`'off'` : sql`reset_val`}, true)
    from pg_settings where name in ('enable_seqscan', 'enable_hashjoin', 'enable_mergejoin')`.execute(
    db,
  );
}

/**
 * The starts a window reads: each whole calendar month inside it by month, every other day by
 * day (a window's days are covered exactly once).
 */
export function spanProbes(window: DateWindow): { grain: 'day' | 'month'; start: string }[] {
  const probes: { grain: 'day' | 'month'; start: string }[] = [];
  let day = window.from;
  while (day < window.to) {
    const monthEnd = `${addMonths(day.slice(0, 7), 1)}-01`;
    if (day.endsWith('-01') && monthEnd <= window.to) {
      probes.push({ grain: 'month', start: day });
      day = monthEnd;
    } else {
      probes.push({ grain: 'day', start: day });
      day = addDays(day, 1);
    }
  }
  return probes;
}

/** The window's totals by the group at its end: one probe per segment and span start read. */
export async function windowTotals(
  db: Db,
  workspaceId: number,
  window: DateWindow,
): Promise<GroupTotals> {
  const probes = spanProbes(window);
  const block = monthOf(sql`${window.to}::date`);
  const result = await sql<TotalsRow & { segment: string }>`
    select g.segment, ${sql.join(
      WEIGHTS.map(
        (c) =>
          sql`coalesce(sum(b.${sql.ref(run(c))}), 0) + coalesce(sum(r.${sql.ref(run(c))}), 0)
            as ${sql.ref(c)}`,
      ),
    )}
    from (values ('all'), ('private')) g(segment)
    cross join unnest(${probes.map((p) => p.grain)}::text[], ${probes.map((p) => p.start)}::date[])
      p(grain, start)
    left join lateral (
      select ${refs(WEIGHTS.map(run))} from rm_window_span_block
      where workspace_id = ${workspaceId} and grain = p.grain and segment = g.segment
        and span_start = p.start and end_month < ${block}
      order by end_month desc limit 1) b on true
    left join lateral (
      select ${refs(WEIGHTS.map(run))} from rm_window_span
      where workspace_id = ${workspaceId} and grain = p.grain and segment = g.segment
        and span_start = p.start and span_end >= ${block} and span_end <= ${window.to}::date
      order by span_end desc limit 1) r on true
    group by g.segment`.execute(db);
  const of = (segment: string) => totalsOf(result.rows.find((r) => r.segment === segment));
  const all = of('all');
  const privateTotals = of('private');
  const publicTotals = Object.fromEntries(
    Object.entries(all).map(([k, v]) => [k, v - privateTotals[k as keyof Totals]]),
  ) as unknown as Totals;
  return { public: publicTotals, private: privateTotals };
}
