import type {
  ConversationRecord,
  CustomerRecord,
  LiveSessionRecord,
  OrderRecord,
} from '@yugang/metrics';
import { sql, type Kysely, type RawBuilder } from 'kysely';
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
 * The orders dated in [from, until) of the customers `customers` selects from rm_customer (alias
 * c), fetched customer by customer through orders_customer_idx. A lateral subquery that cannot be
 * flattened (`offset 0`) keeps it a nested loop, so the cost follows the window's customers
 * (106k first-timers and 41k joiners in 28 days at 3M customers), whereas the hash join the
 * planner otherwise picks reads every order of the workspace (no date index, migration 0010): as
 * fast at 3M with the pages cached (1.3–2.5 s either way under load 30), 3.7–8.4 s when they are
 * not, and growing with the history.
 */
async function ordersOf(
  db: Db,
  workspaceId: number,
  customers: RawBuilder<unknown>,
  range: { from: string; until: string },
): Promise<OrderRecord[]> {
  const { rows } = await sql<Parameters<typeof orderRecord>[0]>`
    select o.* from rm_customer c
    cross join lateral (
      select o.id, o.customer_id, o.channel, o.domain, o.ordered_at, o.local_date, o.amount_fen,
        o.gross_profit_fen, o.commission_fen, o.status, o.returned, o.refund_fen
      from orders o
      where o.workspace_id = c.workspace_id and o.customer_id = c.customer_id
        and o.local_date >= ${range.from}::date and o.local_date < ${range.until}::date
      offset 0
    ) o
    where c.workspace_id = ${workspaceId} and ${customers}`.execute(db);
  return rows.map(orderRecord);
}

/**
 * Members who joined in [start, end) and their orders dated in [from, until): the members from
 * rm_customer, their orders by customer (ordersOf).
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
  const orders = await ordersOf(
    db,
    workspaceId,
    sql`c.joined_private_at >= ${range.start} and c.joined_private_at < ${range.end}`,
    range,
  );
  return { customers, orders };
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
  return ordersOf(
    db,
    workspaceId,
    sql`c.first_local_date >= ${range.from}::date and c.first_local_date < ${range.to}::date`,
    range,
  );
}
