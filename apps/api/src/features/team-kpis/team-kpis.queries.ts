import type { ConversationRecord, LiveSessionRecord } from '@yugang/metrics';
import type { Kysely } from 'kysely';
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

/** Conversations whose first inbound message came in [start, end). */
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
