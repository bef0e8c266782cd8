import { sql, type Kysely } from 'kysely';

/**
 * The team KPIs' 48 h response rate and exact median first response without scanning the
 * window's conversations (issue 14, docs/decisions/0015-reply-median.md). Conversations keep
 * their whole reply minute (`reply_minute`, generated) and are counted per local date of their
 * first inbound message:
 * - rm_conversation_day: started, answered within 48 h, replied (whenever the reply came);
 * - rm_reply_hour / rm_reply_minute: replies per day and per month (`grain`) by whole hour and
 *   whole minute of reply time, so a window finds the hour, then the minute, of its middle
 *   ranks, and reads only that minute's conversations for the exact values.
 * Triggers keep them: every insert, update and delete of conversations (imports, the demo's
 * COPY, a workspace's cascade) adds its statement's rows with sign +1 / −1 in the same
 * transaction, a change of a workspace's time zone recounts its conversations, and deleting a
 * workspace forgets its rows. Existing conversations are counted here. Frozen in time: no app
 * imports.
 */
/**
 * The statements adding `changes` (a query of workspace_id, first_inbound_at, first_response_at,
 * reply_minute and sign) to the counts, for EXECUTE format(…, changes). Rows are written in key
 * order, so two imports into one workspace lock them in the same order (no deadlock).
 */
const ADD = [
  `insert into rm_conversation_day as t (workspace_id, local_date, started, answered, replied)
   select c.workspace_id, (c.first_inbound_at at time zone w.time_zone)::date, sum(c.sign),
     coalesce(sum(c.sign) filter (
       where c.first_response_at - c.first_inbound_at <= interval '48 hours'), 0),
     coalesce(sum(c.sign) filter (where c.first_response_at is not null), 0)
   from (%s) c join workspaces w on w.id = c.workspace_id
   group by 1, 2
   having (sum(c.sign), coalesce(sum(c.sign) filter (
       where c.first_response_at - c.first_inbound_at <= interval '48 hours'), 0),
     coalesce(sum(c.sign) filter (where c.first_response_at is not null), 0)) <> (0, 0, 0)
   order by 1, 2
   on conflict (workspace_id, local_date) do update set started = t.started + excluded.started,
     answered = t.answered + excluded.answered, replied = t.replied + excluded.replied`,
  ...(
    [
      ['rm_reply_hour', 'hour', 'c.reply_minute / 60', 'period, hour'],
      ['rm_reply_minute', 'minute', 'c.reply_minute', 'minute, period'],
    ] as const
  ).map(
    ([table, column, value, key]) =>
      `insert into ${table} as t (workspace_id, grain, period, ${column}, replies)
       select c.workspace_id, g.grain, g.period, ${value}, sum(c.sign)
       from (%s) c join workspaces w on w.id = c.workspace_id
       cross join lateral (select (c.first_inbound_at at time zone w.time_zone)::date as day) d
       cross join lateral (values ('day', d.day),
         ('month', date_trunc('month', d.day::timestamp)::date)) g(grain, period)
       where c.reply_minute is not null
       group by 1, 2, 3, 4
       having sum(c.sign) <> 0
       order by 1, 2, 3, 4
       on conflict (workspace_id, grain, ${key}) do update set replies = t.replies + excluded.replies`,
  ),
];

const CHANGES = (from: string, sign: number) =>
  `select workspace_id, first_inbound_at, first_response_at, reply_minute, ${sign} as sign from ${from}`;

/**
 * One trigger function for both tables: on conversations it adds the statement's rows (the
 * transition tables are visible to this function's own EXECUTEs only); on workspaces it forgets
 * the workspace's counts and, for a new time zone, counts its conversations again.
 */
const COUNT_FUNCTION = sql`
  create function rm_conversations_count() returns trigger language plpgsql as $fn$
  declare
    changes text;
  begin
    if tg_table_name = 'workspaces' then
      delete from rm_conversation_day where workspace_id = old.id;
      delete from rm_reply_hour where workspace_id = old.id;
      delete from rm_reply_minute where workspace_id = old.id;
      if tg_op = 'DELETE' then
        return null;
      end if;
      changes := format(${sql.lit(`${CHANGES('conversations', 1)} where workspace_id = %s`)}, new.id);
    elsif tg_op = 'INSERT' then
      changes := ${sql.lit(CHANGES('came', 1))};
    elsif tg_op = 'DELETE' then
      changes := ${sql.lit(CHANGES('gone', -1))};
    else
      changes := ${sql.lit(`${CHANGES('gone', -1)} union all ${CHANGES('came', 1)}`)};
    end if;
    ${sql.raw(ADD.map((statement) => `execute format($q$${statement}$q$, changes);`).join('\n    '))}
    if tg_op <> 'INSERT' then
      -- Only a removal empties a row; the partial indexes hold just the empty ones.
      delete from rm_conversation_day where started = 0;
      delete from rm_reply_hour where replies = 0;
      delete from rm_reply_minute where replies = 0;
    end if;
    return null;
  end $fn$`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table conversations add column reply_minute integer generated always as (
    div(extract(epoch from first_response_at - first_inbound_at), 60)::integer) stored`.execute(db);
  // The middle minute's conversations of a window, and the replies after an instant that came
  // more than 48 h after their inbound message (the only ones a settled day can still lack).
  await sql`create index conversations_reply_minute_idx
    on conversations (workspace_id, reply_minute, first_inbound_at) include (first_response_at)
    where reply_minute is not null`.execute(db);
  await sql`create index conversations_late_reply_idx
    on conversations (workspace_id, first_response_at) include (first_inbound_at, reply_minute)
    where reply_minute >= 2880`.execute(db);
  await sql`
    create table rm_conversation_day (
      workspace_id bigint not null,
      local_date date not null,
      started integer not null,
      answered integer not null,
      replied integer not null,
      primary key (workspace_id, local_date) include (started, answered, replied)
    )`.execute(db);
  await sql`
    create table rm_reply_hour (
      workspace_id bigint not null,
      grain text not null,
      period date not null,
      hour integer not null,
      replies integer not null,
      primary key (workspace_id, grain, period, hour) include (replies)
    )`.execute(db);
  await sql`
    create table rm_reply_minute (
      workspace_id bigint not null,
      grain text not null,
      minute integer not null,
      period date not null,
      replies integer not null,
      primary key (workspace_id, grain, minute, period) include (replies)
    )`.execute(db);
  await sql`create index rm_conversation_day_empty_idx on rm_conversation_day (workspace_id)
    where started = 0`.execute(db);
  await sql`create index rm_reply_hour_empty_idx on rm_reply_hour (workspace_id)
    where replies = 0`.execute(db);
  await sql`create index rm_reply_minute_empty_idx on rm_reply_minute (workspace_id)
    where replies = 0`.execute(db);
  await COUNT_FUNCTION.execute(db);
  await sql`create trigger rm_conversations_count_insert after insert on conversations
    referencing new table as came for each statement
    execute function rm_conversations_count()`.execute(db);
  await sql`create trigger rm_conversations_count_update after update on conversations
    referencing old table as gone new table as came for each statement
    execute function rm_conversations_count()`.execute(db);
  await sql`create trigger rm_conversations_count_delete after delete on conversations
    referencing old table as gone for each statement
    execute function rm_conversations_count()`.execute(db);
  await sql`create trigger rm_conversations_recount after update of time_zone on workspaces
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function rm_conversations_count()`.execute(db);
  await sql`create trigger rm_conversations_forget after delete on workspaces
    for each row execute function rm_conversations_count()`.execute(db);
  for (const statement of ADD) {
    await sql.raw(statement.replace('%s', CHANGES('conversations', 1))).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists rm_conversations_forget on workspaces`.execute(db);
  await sql`drop trigger if exists rm_conversations_recount on workspaces`.execute(db);
  for (const event of ['insert', 'update', 'delete']) {
    await sql`drop trigger if exists ${sql.raw(`rm_conversations_count_${event}`)} on conversations`.execute(
      db,
    );
  }
  await sql`drop function if exists rm_conversations_count()`.execute(db);
  await sql`drop table if exists rm_conversation_day, rm_reply_hour, rm_reply_minute`.execute(db);
  await sql`drop index if exists conversations_late_reply_idx`.execute(db);
  await sql`drop index if exists conversations_reply_minute_idx`.execute(db);
  await sql`alter table conversations drop column reply_minute`.execute(db);
}
