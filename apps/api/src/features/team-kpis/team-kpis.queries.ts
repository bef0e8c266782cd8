import type { ConversationRecord, ConversionCounts, LiveSessionRecord } from '@yugang/metrics';
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

/**
 * The conversations whose first inbound message came in [start, end), counted as
 * responseRate48h counts them as of asOf, and the lower and upper middle of their reply times
 * (percentile_disc at 0.5 and just above it: the same value for an odd count), from the
 * (workspace_id, first_inbound_at) index without sending the rows.
 */
export async function conversationCounts(
  db: Db,
  workspaceId: number,
  range: { start: Date; end: Date; asOf: Date; hours: number },
): Promise<ConversationCounts> {
  const limit = sql`${`${range.hours} hours`}::interval`;
  // Intervals sort as fast as the timestamps; the two middle ones become milliseconds at the end.
  const { rows } = await sql<Omit<ConversationCounts, 'pending'>>`
    select started, answered, decided, replied,
      (extract(epoch from middle[1]) * 1000)::float8 as "lowerMs",
      (extract(epoch from middle[2]) * 1000)::float8 as "upperMs"
    from (
      select count(*)::int as started,
        count(*) filter (where gap <= ${limit})::int as answered,
        count(*) filter (where gap <= ${limit}
          or first_inbound_at + ${limit} <= ${range.asOf})::int as decided,
        count(gap)::int as replied,
        percentile_disc(array[0.5, 0.500000000001]::float8[]) within group (order by gap) as middle
      from (
        select first_inbound_at, case when first_response_at <= ${range.asOf}
          then greatest(interval '0', first_response_at - first_inbound_at) end as gap
        from conversations
        where workspace_id = ${workspaceId} and first_inbound_at >= ${range.start}
          and first_inbound_at < ${range.end}
      ) c
    ) t`.execute(db);
  const r = rows[0]!;
  return { ...r, pending: r.started - r.decided };
}

/**
 * firstOrderConversion's counts from rm_customer: the members who joined in [start, end), those
 * whose `days` × 24 h had passed by asOf, and those of them whose first counted order at or
 * after joining came within that span.
 */
export async function firstOrderCounts(
  db: Db,
  workspaceId: number,
  range: { start: Date; end: Date; asOf: Date; days: number },
): Promise<ConversionCounts> {
  const span = sql`${`${range.days * 24} hours`}::interval`;
  const { rows } = await sql<ConversionCounts>`
    select count(*)::int as entrants,
      count(*) filter (where joined_private_at + ${span} <= ${range.asOf})::int as mature,
      count(*) filter (where joined_private_at + ${span} <= ${range.asOf}
        and first_order_after_join_at <= joined_private_at + ${span})::int as hits
    from rm_customer
    where workspace_id = ${workspaceId} and joined_private_at >= ${range.start}
      and joined_private_at < ${range.end}`.execute(db);
  return rows[0]!;
}

/**
 * repurchaseConversion's counts from rm_customer: the customers whose first counted order is
 * dated in [from, to) and placed by asOf, those whose `days` × 24 h had passed by asOf, and
 * those of them whose second counted order came within that span.
 */
export async function repurchaseCounts(
  db: Db,
  workspaceId: number,
  range: { from: string; to: string; asOf: Date; days: number },
): Promise<ConversionCounts> {
  const span = sql`${`${range.days * 24} hours`}::interval`;
  const { rows } = await sql<ConversionCounts>`
    select count(*) filter (where first_ordered_at <= ${range.asOf})::int as entrants,
      count(*) filter (where first_ordered_at + ${span} <= ${range.asOf})::int as mature,
      count(*) filter (where first_ordered_at + ${span} <= ${range.asOf}
        and second_ordered_at <= first_ordered_at + ${span})::int as hits
    from rm_customer
    where workspace_id = ${workspaceId} and first_local_date >= ${range.from}::date
      and first_local_date < ${range.to}::date`.execute(db);
  return rows[0]!;
}
