import type {
  ConversationRecord,
  CustomerRecord,
  LiveSessionRecord,
  OrderRecord,
} from '@yugang/metrics';
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

const orderColumns = [
  'o.id',
  'o.customer_id',
  'o.channel',
  'o.domain',
  'o.ordered_at',
  'o.local_date',
  'o.amount_fen',
  'o.gross_profit_fen',
  'o.commission_fen',
  'o.status',
  'o.returned',
  'o.refund_fen',
] as const;

function orderRecord(r: {
  id: number;
  customer_id: number;
  channel: string;
  domain: 'public' | 'private';
  ordered_at: Date;
  local_date: string;
  amount_fen: number;
  gross_profit_fen: number | null;
  commission_fen: number | null;
  status: OrderRecord['status'];
  returned: boolean;
  refund_fen: number;
}): OrderRecord {
  return {
    id: String(r.id),
    customerId: String(r.customer_id),
    channel: r.channel,
    domain: r.domain,
    orderedAt: new Date(r.ordered_at),
    localDate: r.local_date,
    amountFen: Number(r.amount_fen),
    grossProfitFen: r.gross_profit_fen === null ? null : Number(r.gross_profit_fen),
    commissionFen: r.commission_fen === null ? null : Number(r.commission_fen),
    status: r.status,
    returned: r.returned,
    refundFen: Number(r.refund_fen),
  };
}

/**
 * Members who joined in [start, end) and their orders dated in [from, until): the members from
 * rm_customer, their orders by customer (orders keep no date index: migration 0010).
 */
export async function joinersAndOrders(
  db: Db,
  workspaceId: number,
  range: { start: Date; end: Date; from: string; until: string },
): Promise<{ customers: CustomerRecord[]; orders: OrderRecord[] }> {
  const joined = await db
    .selectFrom('rm_customer')
    .select(['customer_id', 'joined_private_at', 'left_private_at'])
    .where('workspace_id', '=', workspaceId)
    .where('joined_private_at', '>=', range.start)
    .where('joined_private_at', '<', range.end)
    .execute();
  const customers = joined.map((c) => ({
    id: String(c.customer_id),
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: c.joined_private_at === null ? null : new Date(c.joined_private_at),
    leftPrivateAt: c.left_private_at === null ? null : new Date(c.left_private_at),
  }));
  if (customers.length === 0) return { customers, orders: [] };
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('rm_customer as c', (j) =>
      j.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.customer_id', '=', 'o.customer_id'),
    )
    .select(orderColumns)
    .where('o.workspace_id', '=', workspaceId)
    .where('o.local_date', '>=', range.from)
    .where('o.local_date', '<', range.until)
    .where('c.joined_private_at', '>=', range.start)
    .where('c.joined_private_at', '<', range.end)
    .execute();
  return { customers, orders: rows.map(orderRecord) };
}

/**
 * Orders dated in [from, until) of the customers whose first-ever order is dated in [from, to):
 * their whole history up to `until`, since nothing of theirs comes before `from`.
 */
export async function firstTimersOrders(
  db: Db,
  workspaceId: number,
  range: { from: string; to: string; until: string },
): Promise<OrderRecord[]> {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('rm_customer as c', (j) =>
      j.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.customer_id', '=', 'o.customer_id'),
    )
    .select(orderColumns)
    .where('o.workspace_id', '=', workspaceId)
    .where('o.local_date', '>=', range.from)
    .where('o.local_date', '<', range.until)
    .where('c.first_local_date', '>=', range.from)
    .where('c.first_local_date', '<', range.to)
    .execute();
  return rows.map(orderRecord);
}
