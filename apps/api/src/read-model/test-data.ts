/**
 * Test helper: small random data sets (fast-check) loaded into a real database, and the same
 * data as @yugang/metrics records for the reference functions. Order ids in records are the
 * external ids (the tie-break of "first-ever order", compared like SQL COLLATE "C").
 */
import {
  localDateOf,
  type CustomerRecord,
  type OrderRecord,
  type OrderStatus,
} from '@yugang/metrics';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import { READ_MODEL_TABLES } from './read-model.refresh.js';

export const TEST_TIME_ZONE = 'Asia/Shanghai';
/** Local midnight 2024-01-01 in Asia/Shanghai. */
export const BASE_INSTANT = Date.parse('2023-12-31T16:00:00Z');
export const SPAN_DAYS = 100;
const MINUTE = 60_000;
const DAY_MINUTES = 1440;

export interface Dataset {
  customers: CustomerRecord[];
  orders: OrderRecord[];
}

export const CHANNELS = [
  { code: 'tmall', domain: 'public' as const },
  { code: 'wecom', domain: 'private' as const },
];

/** Minutes since BASE_INSTANT; often an exact local midnight (the edge of every rule). */
const minuteArb = fc.oneof(
  fc.integer({ min: 0, max: SPAN_DAYS * DAY_MINUTES }),
  fc.integer({ min: 0, max: SPAN_DAYS }).map((d) => d * DAY_MINUTES),
);

const instantOf = (minutes: number) => new Date(BASE_INSTANT + minutes * MINUTE);

const customerArb = fc
  .record({
    join: fc.option(minuteArb, { nil: null, freq: 2 }),
    stay: fc.option(fc.integer({ min: 0, max: 60 * DAY_MINUTES }), { nil: null, freq: 2 }),
  })
  .map(({ join, stay }) => ({
    joinedPrivateAt: join === null ? null : instantOf(join),
    leftPrivateAt: join === null || stay === null ? null : instantOf(join + stay),
  }));

const orderArb = (customers: number) =>
  fc.record({
    customer: fc.integer({ min: 0, max: customers - 1 }),
    at: minuteArb,
    channel: fc.constantFrom(...CHANNELS),
    amountFen: fc.integer({ min: 0, max: 50_000 }),
    grossProfitFen: fc.option(fc.integer({ min: -5_000, max: 20_000 }), { nil: null }),
    status: fc.constantFrom<OrderStatus>('completed', 'completed', 'paid', 'cancelled'),
    returned: fc.boolean(),
  });

export const datasetArb: fc.Arbitrary<Dataset> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      customers: fc.array(customerArb, { minLength: n, maxLength: n }),
      orders: fc.array(orderArb(n), { maxLength: 40 }),
    }),
  )
  .map(({ customers, orders }) => ({
    customers: customers.map((c, i) => ({
      id: String(i + 1),
      acquiredAt: null,
      acquisitionChannel: null,
      ...c,
    })),
    orders: orders.map((o, i) => {
      const orderedAt = instantOf(o.at);
      return {
        // Unpadded on purpose: 'O10' < 'O9' in code-unit order, as in SQL COLLATE "C".
        id: `O${i}`,
        customerId: String(o.customer + 1),
        channel: o.channel.code,
        domain: o.channel.domain,
        orderedAt,
        localDate: localDateOf(orderedAt, TEST_TIME_ZONE),
        amountFen: o.amountFen,
        grossProfitFen: o.grossProfitFen,
        commissionFen: null,
        status: o.status,
        returned: o.returned,
        refundFen: 0,
      };
    }),
  }));

/** A date window inside (or around) the data's span. */
export const windowArb = fc
  .tuple(fc.integer({ min: -5, max: SPAN_DAYS + 5 }), fc.integer({ min: 1, max: 70 }))
  .map(([start, length]) => ({ from: dayOf(start), to: dayOf(start + length) }));

export function dayOf(offset: number): string {
  return new Date(Date.parse('2024-01-01T00:00:00Z') + offset * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

let counter = 0;

/** Creates a workspace holding the data set; returns its id. */
export async function loadDataset(
  handle: DatabaseHandle,
  data: Dataset,
  settings: Record<string, unknown> = {},
): Promise<number> {
  counter += 1;
  const slug = `rm-${process.pid}-${counter}-${Math.floor(Math.random() * 1e6)}`;
  const ws = await handle.db
    .insertInto('workspaces')
    .values({
      slug,
      name: slug,
      time_zone: TEST_TIME_ZONE,
      settings: JSON.stringify(settings),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workspaceId = Number(ws.id);
  await loadDatasetInto(handle, workspaceId, data);
  return workspaceId;
}

/** Loads the data set into an existing workspace (channels, customers, orders). */
export async function loadDatasetInto(
  handle: DatabaseHandle,
  workspaceId: number,
  data: Dataset,
): Promise<void> {
  await handle.db
    .insertInto('channels')
    .values(
      CHANNELS.map((c) => ({
        workspace_id: workspaceId,
        code: c.code,
        name: c.code,
        domain: c.domain,
      })),
    )
    .execute();
  if (data.customers.length > 0) {
    await handle.db
      .insertInto('customers')
      .values(
        data.customers.map((c) => ({
          workspace_id: workspaceId,
          id: Number(c.id),
          external_id: `C${c.id}`,
          joined_private_at: c.joinedPrivateAt,
          left_private_at: c.leftPrivateAt,
        })) as never,
      )
      .execute();
  }
  await insertOrders(handle, workspaceId, data.orders);
}

/** Inserts the orders; returns their ids. */
export async function insertOrders(
  handle: DatabaseHandle,
  workspaceId: number,
  orders: readonly OrderRecord[],
): Promise<number[]> {
  if (orders.length === 0) return [];
  const rows = await handle.db
    .insertInto('orders')
    .values(
      orders.map((o) => ({
        workspace_id: workspaceId,
        external_id: o.id,
        customer_id: Number(o.customerId),
        channel: o.channel,
        domain: o.domain,
        ordered_at: o.orderedAt,
        local_date: o.localDate,
        amount_fen: o.amountFen,
        gross_profit_fen: o.grossProfitFen,
        status: o.status,
        returned: o.returned,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Every read-model row of a workspace, as sorted JSON lines per table (for equality checks). */
export async function readModelSnapshot(
  handle: DatabaseHandle,
  workspaceId: number,
): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const result = await sql<Record<string, unknown>>`
      select * from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(handle.db);
    // Keys sorted: a migration's down and up moves its columns to the end of the table.
    snapshot[table] = result.rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return snapshot;
}
