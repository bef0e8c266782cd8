import {
  addDays,
  addMonths,
  FIRST_ORDER_DAYS,
  localDateOf,
  REPURCHASE_DAYS,
  RESPONSE_WINDOW_HOURS,
  startOfLocalDate,
  type ConversationRecord,
  type ConversionCounts,
  type LiveSessionRecord,
} from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Live sessions that started in [start, end). */
export async function liveSessions(
  db: Db,
  workspaceId: number,
  start: Date,
  end: Date,
): Promise<LiveSessionRecord[]> {
  const rows = await db
    .selectFrom('live_sessions')
    .select(['external_id', 'channel', 'started_at', 'viewers', 'private_adds'])
    .where('workspace_id', '=', workspaceId)
    .where('started_at', '>=', start)
    .where('started_at', '<', end)
    .execute();
  return rows.map((r) => ({
    id: r.external_id,
    channel: r.channel,
    startedAt: new Date(r.started_at),
    viewers: Number(r.viewers),
    privateAdds: Number(r.private_adds),
  }));
}

/** Conversations whose first inbound message came in [start, end) (the review's weeks). */
export async function conversations(
  db: Db,
  workspaceId: number,
  start: Date,
  end: Date,
): Promise<ConversationRecord[]> {
  const rows = await db
    .selectFrom('conversations')
    .select(['external_id', 'customer_id', 'account_id', 'first_inbound_at', 'first_response_at'])
    .where('workspace_id', '=', workspaceId)
    .where('first_inbound_at', '>=', start)
    .where('first_inbound_at', '<', end)
    .execute();
  return rows.map((r) => ({
    id: r.external_id,
    customerId: r.customer_id === null ? null : String(r.customer_id),
    accountId: r.account_id,
    firstInboundAt: new Date(r.first_inbound_at),
    firstResponseAt: r.first_response_at === null ? null : new Date(r.first_response_at),
  }));
}

/** responseRate48h's and medianFirstResponseHours' counts, and the two middle reply times. */
export interface ConversationCounts {
  started: number;
  answered: number;
  decided: number;
  pending: number;
  /** Conversations with a reply known at asOf, and the lower and upper middle reply times. */
  replied: number;
  lowerMs: number | null;
  upperMs: number | null;
}

/** The stored counts of conversations (migration 0027), kept by triggers on conversations. */
export const REPLY_COUNT_TABLES = ['rm_conversation_day', 'rm_reply_hour', 'rm_reply_minute'];

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** The response window the stored counts were made for (migration 0027 counts 48 h). */
const SETTLED_MS = RESPONSE_WINDOW_HOURS * HOUR_MS;

/**
 * The conversations whose first inbound message came on a local date in [from, to), counted as
 * responseRate48h counts them as of asOf, and the lower and upper middle of their reply times
 * (the values of ranks ⌈n/2⌉ and ⌊n/2⌋ + 1, as percentile_disc at 0.5 and just above it).
 * Days ending 48 h or more before asOf are settled: their counts are stored (migration 0027),
 * and only a reply that came more than 48 h after its inbound message can still be after asOf
 * (those few are read and taken out). The days after them are counted from their rows. The
 * middle ranks are found by the stored replies per hour, then per minute within that hour, and
 * only the conversations of that minute are read for the exact value.
 */
export async function conversationCounts(
  db: Db,
  workspaceId: number,
  range: { from: string; to: string; timeZone: string; asOf: Date },
): Promise<ConversationCounts> {
  const { from, to, timeZone, asOf } = range;
  const start = startOfLocalDate(from, timeZone);
  const end = startOfLocalDate(to, timeZone);
  const settledDay = localDateOf(new Date(asOf.getTime() - SETTLED_MS), timeZone);
  const cut = settledDay < from ? from : settledDay > to ? to : settledDay;
  const cutAt = cut === to ? end : startOfLocalDate(cut, timeZone);
  const periods = storedPeriods(from, cut);
  // One statement: the settled days' counts and replies per hour, their replies after asOf (more
  // than 48 h after the inbound message, before the longest stored reply time has passed since
  // the cut), and the later days' counts and reply times from their rows.
  const { rows: first } = await sql<{
    started: number;
    answered: number;
    replied: number;
    hours: number[];
    counts: number[];
    late: number[];
    recentStarted: number;
    recentAnswered: number;
    recentDecided: number;
    gaps: number[];
  }>`
    with hours as (
      select t.hour, sum(t.replies)::int as n from ${periods}
      join rm_reply_hour t on t.workspace_id = ${workspaceId} and t.grain = r.grain
        and t.period >= r.first and t.period < r.stop
      group by t.hour),
    settled as (
      select coalesce(sum(started), 0)::int as started,
        coalesce(sum(answered), 0)::int as answered, coalesce(sum(replied), 0)::int as replied
      from rm_conversation_day
      where workspace_id = ${workspaceId} and local_date >= ${from}::date
        and local_date < ${cut}::date),
    recent as (
      select first_inbound_at, case when first_response_at <= ${asOf} then
        (extract(epoch from first_response_at - first_inbound_at) * 1000)::float8 end as gap
      from conversations
      where workspace_id = ${workspaceId} and first_inbound_at >= ${cutAt}
        and first_inbound_at < ${end})
    select s.started, s.answered, s.replied,
      (select coalesce(array_agg(hour order by hour), '{}') from hours) as hours,
      (select coalesce(array_agg(n order by hour), '{}') from hours) as counts,
      (select coalesce(array_agg(reply_minute), '{}') from conversations
        where workspace_id = ${workspaceId} and reply_minute >= ${SETTLED_MS / MINUTE_MS}
          and first_response_at > ${asOf}
          and first_response_at < ${cutAt}::timestamptz
            + ((select max(hour) from hours) + 1) * interval '1 hour'
          and first_inbound_at >= ${start} and first_inbound_at < ${cutAt}) as late,
      r.*
    from settled s cross join (
      select count(*)::int as "recentStarted",
        count(*) filter (where gap <= ${SETTLED_MS})::int as "recentAnswered",
        count(*) filter (where gap <= ${SETTLED_MS}
          or first_inbound_at + ${`${RESPONSE_WINDOW_HOURS} hours`}::interval <= ${asOf})::int
          as "recentDecided",
        coalesce(array_agg(gap order by gap) filter (where gap is not null), '{}') as gaps
      from recent) r`.execute(db);
  const f = first[0]!;
  const { late, gaps } = f;
  const hours = f.hours.map((bucket, i) => ({ bucket, n: f.counts[i]! }));
  const replied = f.replied - late.length + gaps.length;
  const counts = {
    started: f.started + f.recentStarted,
    answered: f.answered + f.recentAnswered,
    decided: f.started + f.recentDecided,
    pending: f.recentStarted - f.recentDecided,
    replied,
  };
  if (replied === 0) return { ...counts, lowerMs: null, upperMs: null };

  const recentMinutes = gaps.map((ms) => Math.floor(ms / MINUTE_MS));
  const byHour = buckets(
    hours,
    late.map((minute) => Math.floor(minute / 60)),
    recentMinutes.map((minute) => Math.floor(minute / 60)),
  );
  const lowerRank = Math.ceil(replied / 2);
  const upperRank = Math.floor(replied / 2) + 1;
  const wanted = [lowerRank, upperRank].map((rank) => locate(byHour, rank));
  const inWanted = (minute: number) => wanted.some(([hour]) => Math.floor(minute / 60) === hour);
  const adjustMinutes = [...late.filter(inWanted), ...recentMinutes.filter(inWanted)];
  const adjustBy = [
    ...late.filter(inWanted).map(() => -1),
    ...recentMinutes.filter(inWanted).map(() => 1),
  ];
  // Within each middle rank's hour: its minute from the stored replies per minute (less the late
  // replies, plus the recent ones), then the value from that minute's conversations.
  const { rows } = await sql<{ rank: number; ms: number }>`
    with wanted as (
      select * from unnest(${[lowerRank, upperRank]}::int[], ${wanted.map(([hour]) => hour)}::int[],
        ${wanted.map(([, inHour]) => inHour)}::int[]) w(rank, hour, in_hour)),
    counts as (
      select minute, sum(n)::int as n from (
        select m.minute, t.n
        from (select distinct hour from wanted) h
        cross join generate_series(h.hour * 60, h.hour * 60 + 59) m(minute)
        cross join ${periods}
        cross join lateral (
          select sum(replies)::int as n from rm_reply_minute
          where workspace_id = ${workspaceId} and grain = r.grain and minute = m.minute
            and period >= r.first and period < r.stop) t
        where t.n is not null
        union all
        select * from unnest(${adjustMinutes}::int[], ${adjustBy}::int[])
      ) x group by minute having sum(n) <> 0),
    running as (
      select minute, n, sum(n) over (partition by minute / 60 order by minute) as through
      from counts),
    picked as (
      select w.rank, c.minute, w.in_hour - (c.through - c.n) as in_minute
      from wanted w join running c on c.minute / 60 = w.hour
        and c.through - c.n < w.in_hour and c.through >= w.in_hour)
    select p.rank, v.ms from picked p cross join lateral (
      select ms from (
        select (extract(epoch from first_response_at - first_inbound_at) * 1000)::float8 as ms
        from conversations
        where workspace_id = ${workspaceId} and reply_minute = p.minute
          and first_inbound_at >= ${start} and first_inbound_at < ${cutAt}
          and first_response_at <= ${asOf}
        union all
        select g from unnest(${gaps}::float8[]) g where floor(g / ${MINUTE_MS}) = p.minute
      ) x
      order by ms offset p.in_minute - 1 limit 1) v`.execute(db);
  const valueOf = (rank: number) => rows.find((row) => row.rank === rank)!.ms;
  return { ...counts, lowerMs: valueOf(lowerRank), upperMs: valueOf(upperRank) };
}

/**
 * The stored rows of the local dates [from, cut), as (grain, first period, end) ranges: the whole
 * calendar months among them at the month grain, the days before and after those at the day
 * grain. Joined per range so each is an index range.
 */
function storedPeriods(from: string, cut: string) {
  const [monthFrom, monthTo] = wholeMonths(from, cut);
  const months = monthFrom < monthTo;
  return sql`(values ('month', ${monthFrom}::date, ${monthTo}::date),
    ('day', ${from}::date, ${months ? monthFrom : cut}::date),
    ('day', ${months ? monthTo : cut}::date, ${cut}::date)) r(grain, first, stop)`;
}

/** The first days of the whole calendar months inside the dates [from, to): [first, end). */
function wholeMonths(from: string, to: string): [string, string] {
  const first = from.endsWith('-01') ? from : `${addMonths(from.slice(0, 7), 1)}-01`;
  const end = `${to.slice(0, 7)}-01`;
  return first < end ? [first, end] : [first, first];
}

/** Stored counts per bucket, less the removed values' buckets, plus the added ones'. */
export function buckets(
  stored: readonly { bucket: number; n: number }[],
  removed: readonly number[],
  added: readonly number[],
): Map<number, number> {
  const counts = new Map(stored.map((row) => [row.bucket, row.n]));
  for (const b of removed) counts.set(b, (counts.get(b) ?? 0) - 1);
  for (const b of added) counts.set(b, (counts.get(b) ?? 0) + 1);
  return counts;
}

/** The bucket holding the 1-based rank in ascending bucket order, and the rank within it. */
export function locate(counts: ReadonlyMap<number, number>, rank: number): [number, number] {
  let before = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    const n = counts.get(bucket)!;
    if (before + n >= rank) return [bucket, rank - before];
    before += n;
  }
  throw new Error(`rank ${rank} is beyond the ${before} counted values`);
}

/** firstOrderConversion's and repurchaseConversion's counts. */
export interface ConversionCountsPair {
  firstOrder: ConversionCounts;
  repurchase: ConversionCounts;
}

const DAY_MS = 24 * HOUR_MS;

/**
 * The days around the one holding instant `at`, clamped to [from, to): before the first, every
 * row of a day is at or before `at`; from the second, after it (a local date moves back by at most
 * a day where the clock jumps back over midnight). Only these days' rows are read.
 */
function daysAround(at: Date, timeZone: string, from: string, to: string): [string, string] {
  const day = localDateOf(at, timeZone);
  const clamp = (d: string) => (d < from ? from : d > to ? to : d);
  return [clamp(addDays(day, -1)), clamp(addDays(day, 2))];
}

/**
 * The conversions of the window's local dates [from, to) as of asOf (decision 0016):
 * - firstOrderConversion: the members who joined between the instants from and to begin, those
 *   whose FIRST_ORDER_DAYS × 24 h had passed by asOf, and those of them whose first counted order
 *   at or after joining came within that span (converted_at, kept only then);
 * - repurchaseConversion: the customers whose first counted order is dated in [from, to) and
 *   placed by asOf, those whose REPURCHASE_DAYS × 24 h had passed by asOf, and those of them whose
 *   second counted order came within that span (repurchased_at, kept only then).
 * Whole days come from the per-day counts (rm_daily_customers, migration 0028): all of a day's
 * joiners or first-timers have passed a threshold instant (asOf, or asOf less the span), or none
 * has, except on the days around it, whose rm_customer rows are counted (index-only: the covering
 * indexes of migration 0023).
 */
export async function conversionCounts(
  db: Db,
  workspaceId: number,
  range: { from: string; to: string; timeZone: string; asOf: Date },
): Promise<ConversionCountsPair> {
  const { from, to, timeZone, asOf } = range;
  const joinedBy = new Date(asOf.getTime() - FIRST_ORDER_DAYS * DAY_MS);
  const firstBy = new Date(asOf.getTime() - REPURCHASE_DAYS * DAY_MS);
  const [joinLow, joinHigh] = daysAround(joinedBy, timeZone, from, to);
  const [placedLow, placedHigh] = daysAround(asOf, timeZone, from, to);
  const [firstLow, firstHigh] = daysAround(firstBy, timeZone, from, to);
  const firstTimers = sql`new_public_customers + new_private_customers`;
  const { rows } = await sql<{
    joins: number;
    joinsMature: number;
    joinsHit: number;
    firsts: number;
    firstsMature: number;
    firstsHit: number;
    edgeJoinsMature: number;
    edgeJoinsHit: number;
    edgeFirsts: number;
    edgeFirstsMature: number;
    edgeFirstsHit: number;
  }>`
    select d.*, j.*, p.*, f.*
    from (
      select coalesce(sum(joined_private), 0)::int as joins,
        coalesce(sum(joined_private) filter (where local_date < ${joinLow}::date), 0)::int
          as "joinsMature",
        coalesce(sum(joined_converted) filter (where local_date < ${joinLow}::date), 0)::int
          as "joinsHit",
        coalesce(sum(${firstTimers}) filter (where local_date < ${placedLow}::date), 0)::int
          as firsts,
        coalesce(sum(${firstTimers}) filter (where local_date < ${firstLow}::date), 0)::int
          as "firstsMature",
        coalesce(sum(first_repurchased) filter (where local_date < ${firstLow}::date), 0)::int
          as "firstsHit"
      from rm_daily_customers
      where workspace_id = ${workspaceId} and local_date >= ${from}::date
        and local_date < ${to}::date
    ) d cross join (
      select count(*) filter (where joined_private_at <= ${joinedBy})::int as "edgeJoinsMature",
        count(*) filter (where joined_private_at <= ${joinedBy} and converted_at is not null)::int
          as "edgeJoinsHit"
      from rm_customer
      where workspace_id = ${workspaceId}
        and joined_private_at >= ${startOfLocalDate(joinLow, timeZone)}
        and joined_private_at < ${startOfLocalDate(joinHigh, timeZone)}
    ) j cross join (
      select count(*) filter (where first_ordered_at <= ${asOf})::int as "edgeFirsts"
      from rm_customer
      where workspace_id = ${workspaceId} and first_local_date >= ${placedLow}::date
        and first_local_date < ${placedHigh}::date
    ) p cross join (
      select count(*) filter (where first_ordered_at <= ${firstBy})::int as "edgeFirstsMature",
        count(*) filter (where first_ordered_at <= ${firstBy}
          and repurchased_at is not null)::int as "edgeFirstsHit"
      from rm_customer
      where workspace_id = ${workspaceId} and first_local_date >= ${firstLow}::date
        and first_local_date < ${firstHigh}::date
    ) f`.execute(db);
  const r = rows[0]!;
  return {
    firstOrder: {
      entrants: r.joins,
      mature: r.joinsMature + r.edgeJoinsMature,
      hits: r.joinsHit + r.edgeJoinsHit,
    },
    repurchase: {
      entrants: r.firsts + r.edgeFirsts,
      mature: r.firstsMature + r.edgeFirstsMature,
      hits: r.firstsHit + r.edgeFirstsHit,
    },
  };
}
