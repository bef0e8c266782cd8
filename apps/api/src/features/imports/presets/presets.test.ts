import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import type { Workspace } from '../../../db/schema.js';
import { createWorkspace } from '../../workspaces/workspaces.service.js';
import { runImport, type ImportOptions } from '../imports.service.js';
import type { ImportKind } from '../kinds/index.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { fileSource } from '../source.js';

const PLATFORMS = path.resolve(import.meta.dirname, '../../../../test/fixtures/imports/platforms');
/** Every mobile number the fixtures hold: none may reach the database. */
const PHONES = ['13912345678', '15800001111', '15800002222', '15800003333'];

let database: TestDatabase;
let workspace: Workspace;

beforeAll(async () => {
  database = await createTestDatabase();
  workspace = await createWorkspace(database.db, { slug: 'acme', name: 'Acme' });
});
afterAll(async () => {
  await database?.dispose();
});

async function importPlatform(kind: ImportKind, file: string, read?: ImportOptions['read']) {
  const result = await runImport(database, {
    workspace,
    kind,
    source: await fileSource(path.join(PLATFORMS, file), DEFAULT_LIMITS),
    fileName: file,
    ...(read ? { read } : {}),
  });
  return result;
}

const skipped = (result: { skipped: { code: string; rows: number }[] }) =>
  Object.fromEntries(result.skipped.map((s) => [s.code, s.rows]));

async function orders(channel: string) {
  return database.db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([
      'o.external_id',
      'o.amount_fen',
      'o.status',
      'o.returned',
      'o.refund_fen',
      'c.external_id as customer',
    ])
    .where('o.workspace_id', '=', workspace.id)
    .where('o.channel', '=', channel)
    .orderBy('o.external_id')
    .execute();
}

/** Text of every row of every table, as one string per table. */
async function everyText(): Promise<Map<string, string>> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public'
      and data_type in ('text', 'character varying', 'jsonb', 'json', 'character')
      and table_name not like 'kysely_%'`.execute(database.db);
  const texts = new Map<string, string>();
  for (const { table_name, column_name } of columns.rows) {
    const rows = await sql<{ v: string | null }>`
      select ${sql.ref(column_name)}::text as v from ${sql.table(table_name)}`.execute(database.db);
    texts.set(`${table_name}.${column_name}`, rows.rows.map((r) => r.v ?? '').join('\n'));
  }
  return texts;
}

describe('platform presets', () => {
  it('reads a Tmall order report (GB18030, ="…" ids, ¥ and thousands, / dates)', async () => {
    const result = await importPlatform('orders', 'tmall-orders.gb18030.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      status: 'succeeded',
      preset: 'tmall',
      encoding: 'gb18030',
      inserted: 5,
    });
    expect(skipped(result)).toEqual({ unpaid: 2, no_stable_id: 1, summary_row: 1 });
    const rows = await orders('tmall');
    expect(rows.map((r) => r.external_id)).toEqual([
      '3412345678901234501',
      '3412345678901234502',
      '3412345678901234505',
      '3412345678901234506',
      '3412345678901234507',
    ]);
    expect(rows.reduce((sum, r) => sum + Number(r.amount_fen), 0)).toBe(176_690);
    expect(rows.map((r) => r.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'shipped',
      'paid',
    ]);
    expect(rows.map((r) => r.returned)).toEqual([false, false, true, false, false]);
    expect(Number(rows[2]!.refund_fen)).toBe(8900);
    // The buyer with a phone is one customer across both of her orders, keyed by its hash.
    expect(rows[1]!.customer).toMatch(/^ph_[0-9a-f]{40}$/);
    expect(rows[3]!.customer).toBe(rows[1]!.customer);
    expect(rows[0]!.customer).toBe('tmall:tb_小王');
    const channel = await database.db
      .selectFrom('channels')
      .select(['code', 'domain'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(channel).toContainEqual({ code: 'tmall', domain: 'public' });
    const buyers = await database.db
      .selectFrom('customers')
      .select(['acquisition_channel'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(buyers).toHaveLength(4);
    expect(buyers.every((b) => b.acquisition_channel === 'tmall')).toBe(true);
  });

  it('folds Douyin sub-orders (XLSX with a title row) into one order each', async () => {
    const result = await importPlatform('orders', 'douyin-orders.xlsx');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      status: 'succeeded',
      preset: 'douyin',
      format: 'xlsx',
      inserted: 2,
    });
    expect(skipped(result)).toEqual({ folded: 1, unpaid: 1, no_stable_id: 1 });
    const rows = await orders('douyin');
    expect(rows.map((r) => [r.external_id, Number(r.amount_fen), r.status, r.returned])).toEqual([
      ['6912345678901234567', 10_000, 'completed', false],
      ['6912345678901234570', 2580, 'completed', true],
    ]);
  });

  it('makes a WeCom contact a private member from the earliest add, joined to her orders by phone', async () => {
    const result = await importPlatform('customers', 'wecom-customers.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      status: 'succeeded',
      preset: 'wecom_customers',
      inserted: 0,
      updated: 2,
    });
    expect(skipped(result)).toEqual({ duplicate_contact: 1, no_stable_id: 1 });
    const [douyinOrder] = await orders('douyin');
    const customer = await database.db
      .selectFrom('customers')
      .select([
        sql<string>`to_char(joined_private_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`.as(
          'joined',
        ),
      ])
      .where('workspace_id', '=', workspace.id)
      .where('external_id', '=', douyinOrder!.customer)
      .executeTakeFirstOrThrow();
    expect(customer.joined).toBe('2025-03-08 15:30');
    const total = await database.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(6);
  });

  it('stores no phone number anywhere (every text column of every table)', async () => {
    const texts = await everyText();
    expect(texts.size).toBeGreaterThan(20);
    for (const [column, text] of texts) {
      for (const phone of PHONES) {
        expect(text.includes(phone), `${phone} in ${column}`).toBe(false);
      }
    }
  });

  it('rejects a status it cannot map, naming the column, and changes nothing', async () => {
    const before = await database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await importPlatform('orders', 'tmall-unknown-status.csv');
    expect(result.status).toBe('rejected');
    expect(result.errors[0]).toMatchObject({ line: 2, column: '订单状态' });
    expect(result.errors[0]!.reason).toContain('交易异常');
    const after = await database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('names what a forced preset misses', async () => {
    const result = await importPlatform('orders', 'douyin-orders.xlsx', { preset: 'tmall' });
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid_header' });
    expect(result.message).toContain('订单编号');
  });
});
