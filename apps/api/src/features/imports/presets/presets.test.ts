import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const PHONES = [
  '13912345678',
  '15800001111',
  '15800002222',
  '15800003333',
  '13700001234',
  '13700005678',
  '17012340000',
];

const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-presets-'));
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

  it('reads a JD export: SKU rows of one order keep the order amount once', async () => {
    const result = await importPlatform('orders', 'jd-orders.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', preset: 'jd', inserted: 2 });
    expect(skipped(result)).toEqual({ folded: 1, unpaid: 1 });
    const rows = await orders('jd');
    expect(rows.map((r) => [r.external_id, Number(r.amount_fen), r.status, r.customer])).toEqual([
      ['301234567890', 30_000, 'completed', 'jd:jd_fishfan'],
      ['301234567892', 6600, 'shipped', 'jd:jd_third'],
    ]);
  });

  it('reads a Youzan export into a private-domain channel, joining buyers by phone', async () => {
    const result = await importPlatform('orders', 'youzan-orders.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', preset: 'youzan', inserted: 3 });
    expect(skipped(result)).toEqual({ unpaid: 1 });
    const rows = await orders('youzan');
    expect(rows.reduce((sum, r) => sum + Number(r.amount_fen), 0)).toBe(115_700);
    expect(rows.map((r) => [r.status, r.returned, Number(r.refund_fen)])).toEqual([
      ['completed', false, 0],
      ['completed', true, 4500],
      ['paid', false, 0],
    ]);
    // The Youzan buyer with 158 0000 1111 is the Douyin buyer and the WeCom contact.
    const [douyinOrder] = await orders('douyin');
    expect(rows[0]!.customer).toBe(douyinOrder!.customer);
    const channel = await database.db
      .selectFrom('channels')
      .select('domain')
      .where('workspace_id', '=', workspace.id)
      .where('code', '=', 'youzan')
      .executeTakeFirstOrThrow();
    expect(channel.domain).toBe('private');
  });

  it('reads a Pinduoduo export: GMV is what the buyer paid, masked phones are skipped', async () => {
    const result = await importPlatform('orders', 'pinduoduo-orders.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', preset: 'pinduoduo', inserted: 2 });
    expect(skipped(result)).toEqual({ no_stable_id: 1 });
    const rows = await orders('pinduoduo');
    expect(
      rows.map((r) => [Number(r.amount_fen), r.status, r.returned, Number(r.refund_fen)]),
    ).toEqual([
      [9400, 'completed', false, 0],
      [5900, 'completed', true, 5900],
    ]);
  });

  it('reads WeCom group statistics, from the console export and the API field names', async () => {
    const console = await importPlatform('group_daily', 'wecom-groups.csv');
    expect(console.errors).toEqual([]);
    expect(console).toMatchObject({ status: 'succeeded', preset: 'wecom_groups', inserted: 3 });
    const api = await importPlatform('group_daily', 'wecom-api-groupchat.csv');
    expect(api.errors).toEqual([]);
    expect(api).toMatchObject({ status: 'succeeded', preset: 'wecom_groups_api', inserted: 2 });
    const days = await sql<{ group_id: string; date: string; members: number; messages: number }>`
      select group_id, to_char(date, 'YYYY-MM-DD') as date, members, messages
      from group_daily where workspace_id = ${workspace.id}`.execute(database.db);
    const key = (r: { group_id: string; date: string }) => `${r.group_id} ${r.date}`;
    const sorted = days.rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sorted).toEqual([
      { group_id: 'owner:zhang', date: '2025-03-01', members: 400, messages: 900 },
      { group_id: 'owner:zhang', date: '2025-03-02', members: 410, messages: 1100 },
      { group_id: '新手答疑群', date: '2025-03-01', members: 1204, messages: 1560 },
      { group_id: '鱼友1群', date: '2025-03-01', members: 180, messages: 420 },
      { group_id: '鱼友1群', date: '2025-03-02', members: 185, messages: 510 },
    ]);
  });

  it('reads the WeCom API contact statistics, reporting the fields it has no column for', async () => {
    const file = path.join(scratch, 'accounts.csv');
    writeFileSync(file, '账号ID,账号类型\nzhang,wecom\nli,wecom\n');
    const accounts = await runImport(database, {
      workspace,
      kind: 'accounts',
      source: await fileSource(file, DEFAULT_LIMITS),
      fileName: 'accounts.csv',
    });
    expect(accounts.status).toBe('succeeded');
    const result = await importPlatform('account_daily', 'wecom-api-user-behavior.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      status: 'succeeded',
      preset: 'wecom_contacts_api',
      inserted: 2,
    });
    expect(result.ignoredColumns).toEqual(
      expect.arrayContaining(['reply_percentage', 'avg_reply_time', 'negative_feedback_cnt']),
    );
    const rows = await database.db
      .selectFrom('account_daily')
      .select(['account_id', 'active_adds'])
      .where('workspace_id', '=', workspace.id)
      .orderBy('account_id')
      .execute();
    expect(rows).toEqual([
      { account_id: 'li', active_adds: 4 },
      { account_id: 'zhang', active_adds: 12 },
    ]);
  });

  it('reads a JD export with the full header of a real one: privacy numbers, (删除), COD and 暂停', async () => {
    const result = await importPlatform('orders', 'jd-orders-export.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', preset: 'jd', inserted: 4 });
    expect(skipped(result)).toEqual({ folded: 1, unpaid: 1 });
    const rows = (await orders('jd')).filter((r) => r.external_id.startsWith('3300123456'));
    expect(rows.map((r) => [r.external_id, Number(r.amount_fen), r.status, r.customer])).toEqual([
      // 联系电话 is a privacy number (虚拟号过期时间 is set): the buyer is their JD account
      ['330012345601', 25_890, 'completed', 'jd:jd_8f3a2c'],
      ['330012345602', 6000, 'completed', 'jd:jd_b71e09'],
      ['330012345603', 1500, 'paid', 'jd:jd_5c2d11'],
      ['330012345605', 8900, 'paid', 'jd:jd_b71e09'],
    ]);
    // 0001-01-01 is JD's "not paid": the order counts from when it was placed
    const cod = await database.db
      .selectFrom('orders')
      .select(
        sql<string>`to_char(ordered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`.as(
          'at',
        ),
      )
      .where('workspace_id', '=', workspace.id)
      .where('external_id', '=', '330012345603')
      .executeTakeFirstOrThrow();
    expect(cod.at).toBe('2025-04-03 12:00');
  });

  it('reads a Youzan export with the full header of a real one: 交易完成, 订单已退款金额, ——', async () => {
    const result = await importPlatform('orders', 'youzan-orders-export.csv');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', preset: 'youzan', inserted: 4 });
    expect(skipped(result)).toEqual({ unpaid: 1 });
    // what the preset reads is not reported as ignored; what it does not read is, twice if twice
    expect(result.ignoredColumns).not.toEqual(
      expect.arrayContaining(['买家付款时间', '买家手机号', '买家昵称', '订单已退款金额']),
    );
    expect(result.ignoredColumns.filter((c) => c === '分销员')).toHaveLength(2);
    const rows = (await orders('youzan')).filter((r) => r.external_id.startsWith('E202504'));
    expect(
      rows.map((r) => [Number(r.amount_fen), r.status, r.returned, Number(r.refund_fen)]),
    ).toEqual([
      [12_800, 'completed', false, 0],
      [10_000, 'completed', true, 2000],
      [5000, 'completed', true, 5000],
      [6600, 'shipped', false, 0],
    ]);
    // 买家手机号, else the receiver's phone, else the nickname
    const [first, second, closed, nickname] = rows.map((r) => r.customer);
    expect(first).toMatch(/^ph_/);
    expect(closed).toBe(first);
    expect(second).toMatch(/^ph_/);
    expect(second).not.toBe(first);
    expect(nickname).toBe('youzan:路过的鱼');
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

  it('takes a WeCom list with a 客户ID column for a WeCom list, not for our own customers file', async () => {
    const file = path.join(scratch, 'wecom-ids.csv');
    writeFileSync(
      file,
      '客户名称,客户ID,添加人,添加时间,标签\n小红,wmAAAA1,张店长,2025-03-12 10:00:00,新客\n',
    );
    const result = await runImport(database, {
      workspace,
      kind: 'customers',
      source: await fileSource(file, DEFAULT_LIMITS),
      fileName: 'wecom-ids.csv',
    });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', preset: 'wecom_customers', inserted: 1 });
    const row = await database.db
      .selectFrom('customers')
      .select('joined_private_at')
      .where('workspace_id', '=', workspace.id)
      .where('external_id', '=', 'wecom:wmAAAA1')
      .executeTakeFirstOrThrow();
    expect(row.joined_private_at).not.toBeNull();
  });

  it('names what a forced preset misses', async () => {
    const result = await importPlatform('orders', 'douyin-orders.xlsx', { preset: 'tmall' });
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid_header' });
    expect(result.message).toContain('订单编号');
  });
});
