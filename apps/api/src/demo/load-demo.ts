/**
 * `loadDemo`: (re)creates the `demo` workspace and COPYs the generated story into it in one
 * transaction. Rows stream from the generators into COPY, so memory stays flat whatever the
 * customer count (3M customers ≈ 5M orders). Ids are explicit (1…N inside the workspace) and
 * the identity sequences are moved past them afterwards.
 *
 * Replacing: the workspace row is kept (with its members, API keys, goals and annotations) and
 * its data rows are deleted first, inside the same transaction as the load.
 */
import { sql } from 'kysely';
import { REPLY_COUNT_TABLES } from '../features/team-kpis/team-kpis.queries.js';
import { READ_MODEL_TABLES, rebuildReadModelIn } from '../read-model/read-model.refresh.js';
import type { CopyValue, DatabaseHandle, Transaction } from '../db/database.js';
import {
  accountDailyRows,
  accountRows,
  ACCOUNT_COLUMNS,
  ACCOUNT_DAILY_COLUMNS,
  demoAccounts,
} from './generate-accounts.js';
import {
  demoGroups,
  groupDailyRows,
  groupRows,
  GROUP_COLUMNS,
  GROUP_DAILY_COLUMNS,
} from './generate-communities.js';
import { costRows, COST_COLUMNS, demoCosts } from './generate-costs.js';
import {
  customerRows,
  CUSTOMER_COLUMNS,
  emptyStats,
  orderRows,
  ORDER_COLUMNS,
  orderCursor,
} from './generate-customers.js';
import {
  conversationRows,
  CONVERSATION_COLUMNS,
  liveSessionRows,
  LIVE_SESSION_COLUMNS,
} from './generate-engagement.js';
import { CHANNELS, DEFAULT_END_DATE, DEMO_NAME, DEMO_SLUG, DEMO_TIME_ZONE } from './story.js';
import { timeline } from './timeline.js';

export interface LoadDemoOptions {
  /** Customers to generate (default 20,000). */
  customers?: number;
  /** PRNG seed (default 1): same seed, same data. */
  seed?: number;
  /** First day after the data, a month start (default 2026-10-01). */
  endDate?: string;
  /**
   * Drop the foreign keys of customers, orders and conversations for the load and re-add them
   * (validated once by a join) before commit. Default: on Postgres from 500,000 customers.
   * It holds ACCESS EXCLUSIVE locks on those tables (all workspaces) until the load commits.
   */
  dropForeignKeys?: boolean;
  /** Called as each table finishes (table name, rows, seconds since start). */
  onProgress?: (table: string, rows: number, seconds: number) => void;
}

export const DEMO_TABLES = [
  'channels',
  'customers',
  'orders',
  'costs',
  'accounts',
  'account_daily',
  'groups',
  'group_daily',
  'live_sessions',
  'conversations',
] as const;

export type DemoTable = (typeof DEMO_TABLES)[number];

export interface LoadDemoResult {
  workspaceId: number;
  slug: string;
  seed: number;
  customers: number;
  startDate: string;
  endDate: string;
  launchDate: string;
  rows: Record<DemoTable, number>;
  seconds: number;
}

/** Customers per COPY call on PGlite, which buffers a whole COPY in memory. */
const PGLITE_CHUNK = 25_000;

export async function loadDemo(
  handle: DatabaseHandle,
  options: LoadDemoOptions = {},
): Promise<LoadDemoResult> {
  const count = options.customers ?? 20_000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1)
    throw new Error('customers must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  const t = timeline(options.endDate ?? DEFAULT_END_DATE);
  const started = performance.now();
  const rows = Object.fromEntries(DEMO_TABLES.map((table) => [table, 0])) as Record<
    DemoTable,
    number
  >;
  const done = (table: DemoTable, n: number) => {
    rows[table] += n;
    options.onProgress?.(table, rows[table], (performance.now() - started) / 1000);
  };
  const chunk = handle.engine === 'pglite' ? PGLITE_CHUNK : count;

  const workspaceId = await handle.transaction(async (tx) => {
    const dropForeignKeys =
      options.dropForeignKeys ?? (handle.engine === 'postgres' && count >= 500_000);
    // Dropped before the old demo rows are deleted, so the delete skips the checks as well.
    const foreignKeys = dropForeignKeys ? await dropForeignKeysOf(tx, FK_TABLES) : [];
    const id = await replaceWorkspace(tx, t.launchDate, !dropForeignKeys);
    const copy = (table: DemoTable, columns: readonly string[], data: Iterable<CopyValue[]>) =>
      tx.copyFrom(table, columns, data);

    done(
      'channels',
      await copy(
        'channels',
        ['workspace_id', 'code', 'name', 'domain', 'kind', 'commission_rate'],
        CHANNELS.map((c) => [id, c.code, c.name, c.domain, c.kind, c.commissionRate]),
      ),
    );

    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      done(
        'customers',
        await copy('customers', CUSTOMER_COLUMNS, customerRows(id, seed, count, t, from, to)),
      );
    }
    const cursor = orderCursor(seed);
    const stats = emptyStats();
    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      done(
        'orders',
        await copy('orders', ORDER_COLUMNS, orderRows(id, seed, count, t, cursor, stats, from, to)),
      );
    }
    done(
      'costs',
      await copy('costs', COST_COLUMNS, costRows(id, demoCosts(seed, count, t, stats))),
    );

    const accounts = demoAccounts(seed, t);
    done('accounts', await copy('accounts', ACCOUNT_COLUMNS, accountRows(id, accounts)));
    done(
      'account_daily',
      await copy('account_daily', ACCOUNT_DAILY_COLUMNS, accountDailyRows(id, seed, accounts, t)),
    );
    const groups = demoGroups(seed, t);
    done('groups', await copy('groups', GROUP_COLUMNS, groupRows(id, groups)));
    done(
      'group_daily',
      await copy('group_daily', GROUP_DAILY_COLUMNS, groupDailyRows(id, seed, groups, t)),
    );
    done(
      'live_sessions',
      await copy('live_sessions', LIVE_SESSION_COLUMNS, liveSessionRows(id, seed, count, t)),
    );
    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      done(
        'conversations',
        await copy(
          'conversations',
          CONVERSATION_COLUMNS,
          conversationRows(id, seed, count, t, accounts, from, to),
        ),
      );
    }
    for (const fk of foreignKeys) {
      await sql`alter table ${sql.table(fk.table)} add constraint ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(
        tx.db,
      );
      options.onProgress?.(`foreign key ${fk.name}`, 0, (performance.now() - started) / 1000);
    }
    await moveIdentityPast(tx, 'customers');
    await moveIdentityPast(tx, 'orders');
    // The dashboards read the read model: build it in the same transaction, on fresh statistics,
    // so the demo is never visible half-made or stale.
    await sql`analyze customers, orders, conversations`.execute(tx.db);
    await rebuildReadModelIn(tx.db, id);
    options.onProgress?.('read model', 0, (performance.now() - started) / 1000);
    return id;
  });
  // A server's autovacuum may be off or late (it was off on the machine the bench ran on): without
  // a vacuum the visibility maps stay empty and every index-only scan of the read model reads the
  // heap too (ROI's 12-month count: 0.5 s index-only vs 1.2 s at 3M customers).
  await sql`vacuum (analyze) ${sql.join(
    ['customers', 'orders', 'conversations', ...READ_MODEL_TABLES, ...REPLY_COUNT_TABLES].map((t) =>
      sql.table(t),
    ),
  )}`.execute(handle.db);

  return {
    workspaceId,
    slug: DEMO_SLUG,
    seed,
    customers: count,
    startDate: t.startDate,
    endDate: t.endDate,
    launchDate: t.launchDate,
    rows,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Creates the demo workspace, or empties the existing one; returns its id. */
async function replaceWorkspace(
  tx: Transaction,
  launchDate: string,
  checkedDelete: boolean,
): Promise<number> {
  const existing = await tx.db
    .selectFrom('workspaces')
    .select('id')
    .where('slug', '=', DEMO_SLUG)
    .executeTakeFirst();
  if (!existing) {
    const created = await tx.db
      .insertInto('workspaces')
      .values({
        slug: DEMO_SLUG,
        name: DEMO_NAME,
        time_zone: DEMO_TIME_ZONE,
        private_launched_on: launchDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(created.id);
  }
  const id = Number(existing.id);
  await tx.db
    .updateTable('workspaces')
    .set({ name: DEMO_NAME, time_zone: DEMO_TIME_ZONE, private_launched_on: launchDate })
    .where('id', '=', id)
    .execute();
  // Deleting customers checks conversations_customer_fk once per customer, and conversations has
  // no index on (workspace_id, customer_id): measured 40 s for 20k customers on PGlite, hours at
  // scale. A transaction-local helper index makes each check an index probe; it is dropped again
  // before commit (it only costs a SHARE lock on conversations while the demo reloads).
  if (checkedDelete) {
    await sql`create index demo_reload_conversations_customer_idx
    on conversations (workspace_id, customer_id)`.execute(tx.db);
  }
  // Children before parents: orders and conversations reference customers and accounts.
  for (const table of [
    'orders',
    'conversations',
    'customers',
    'costs',
    'account_daily',
    'accounts',
    'group_daily',
    'groups',
    'live_sessions',
    'channels',
  ] as const) {
    await tx.db.deleteFrom(table).where('workspace_id', '=', id).execute();
  }
  if (checkedDelete) {
    await sql`drop index demo_reload_conversations_customer_idx`.execute(tx.db);
  }
  return id;
}

/** After COPY with explicit ids, the identity must hand out ids above every existing one. */
async function moveIdentityPast(tx: Transaction, table: 'customers' | 'orders'): Promise<void> {
  await sql`
    select setval(
      pg_get_serial_sequence(${table}, 'id'),
      greatest(
        (select coalesce(max(id), 0) from ${sql.table(table)}),
        (select case when is_called then last_value else last_value - 1 end
           from ${sql.raw(`${table}_id_seq`)})
      ) + 0,
      true
    )`.execute(tx.db);
}

const FK_TABLES = ['customers', 'orders', 'conversations'];

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Drops the foreign keys declared on these tables; returns them to be re-added as they were. */
async function dropForeignKeysOf(
  tx: Transaction,
  tables: readonly string[],
): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    select cl.relname as table, co.conname as name, pg_get_constraintdef(co.oid) as definition
    from pg_constraint co
    join pg_class cl on cl.oid = co.conrelid
    where co.contype = 'f' and cl.relname in (${sql.join(tables)})
      and cl.relnamespace = to_regnamespace(current_schema())
    order by cl.relname, co.conname`.execute(tx.db);
  for (const fk of result.rows) {
    await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.ref(fk.name)}`.execute(
      tx.db,
    );
  }
  return result.rows;
}
