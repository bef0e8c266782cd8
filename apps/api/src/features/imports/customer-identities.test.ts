import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { Workspace } from '../../db/schema.js';
import { createWorkspace } from '../workspaces/workspaces.service.js';
import { runImport } from './imports.service.js';
import type { ImportKind } from './kinds/index.js';
import { DEFAULT_LIMITS } from './limits.js';
import { fileSource } from './source.js';

/**
 * One customer across ids, with files in each source's own layout: a Youzan order export
 * (订单维度, the buyer's phone), a WeCom customer list (one row per customer × staff member, 备注手机号)
 * and the brand's own customer file (会员ID + 手机号). Whatever order they come in, the buyer is
 * one customer, a private member from the earliest WeCom add, and no phone is stored.
 */

const PHONES = ['15900001111', '15900002222', '15900003333'];
const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-identities-'));

const FILES = {
  youzan: [
    '订单号,订单状态,订单创建时间,买家付款时间,商品金额合计,运费,订单实付金额,买家手机号,粉丝昵称,退款状态,已退款金额',
    'E20250401000001,已完成,2025-04-01 09:00:00,2025-04-01 09:00:30,88.00,0.00,88.00,15900001111,小鱼,,0.00',
    'E20250402000002,已完成,2025-04-02 10:00:00,2025-04-02 10:00:10,"1,024.00",0.00,"¥1,024.00",+86 159-0000-2222,阿杰,,0.00',
  ],
  wecom: [
    '客户名称,客户备注,添加人,添加人账号,添加时间,来源,标签,备注手机号,描述',
    '小鱼,有赞买家,张店长,zhang,2025-04-05 10:00:00,扫描二维码,高意向,15900001111,',
    '小鱼,,李导购,li,2025-04-03 15:30:00,扫描二维码,,159 0000 1111,',
    '路人甲,,张店长,zhang,2025-04-06 09:00:00,群聊,,,',
  ],
  brand: [
    '会员ID,手机号,获客时间',
    'VIP001,15900001111,2025-01-15 12:00',
    'VIP002,15900003333,2025-02-01 12:00',
    ',,2025-02-02 12:00',
  ],
  brandOrders: [
    '订单号,会员ID,手机号,渠道,下单时间,实付金额',
    'B-1,VIP001,,youzan,2025-04-10 10:00,50.00',
    'B-2,,15900003333,youzan,2025-04-11 10:00,60.00',
  ],
};

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

async function load(workspace: Workspace, kind: ImportKind, name: keyof typeof FILES) {
  const file = path.join(scratch, `${workspace.slug}-${name}.csv`);
  writeFileSync(file, `\ufeff${FILES[name].join('\r\n')}\r\n`);
  const result = await runImport(database, {
    workspace,
    kind,
    source: await fileSource(file, DEFAULT_LIMITS),
    fileName: `${name}.csv`,
  });
  expect(result.errors).toEqual([]);
  expect(result.status).toBe('succeeded');
  return result;
}

const skipped = (result: { skipped: { code: string; rows: number }[] }) =>
  Object.fromEntries(result.skipped.map((s) => [s.code, s.rows]));

async function customers(workspace: Workspace) {
  const rows = await sql<{
    id: string;
    external_id: string;
    joined: string | null;
    orders: string[] | null;
    ids: string[];
  }>`
    select c.id, c.external_id,
           to_char(c.joined_private_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as joined,
           (select array_agg(o.external_id order by o.external_id) from orders o
             where o.workspace_id = c.workspace_id and o.customer_id = c.id) as orders,
           (select array_agg(i.kind order by i.kind) from customer_identities i
             where i.workspace_id = c.workspace_id and i.customer_id = c.id) as ids
    from customers c where c.workspace_id = ${workspace.id} order by c.id`.execute(database.db);
  return rows.rows;
}

/** The buyer of 159 0000 1111: her orders from Youzan and the brand's file, and the earliest add. */
function expectOneBuyer(rows: Awaited<ReturnType<typeof customers>>) {
  const buyer = rows.filter((r) => r.orders?.includes('E20250401000001'));
  expect(buyer).toHaveLength(1);
  expect(buyer[0]!.orders).toEqual(['B-1', 'E20250401000001']);
  expect(buyer[0]!.joined).toBe('2025-04-03 15:30');
  expect(buyer[0]!.ids).toEqual(expect.arrayContaining(['external', 'phone']));
  const vip2 = rows.filter((r) => r.orders?.includes('B-2'));
  expect(vip2).toHaveLength(1);
  // Youzan's second buyer, VIP001/小鱼 and VIP002: three customers, the contact without a phone skipped.
  expect(rows).toHaveLength(3);
}

describe('one customer across ids', () => {
  it('joins a Youzan buyer, her WeCom contact and the brand customer file by phone (platform files first)', async () => {
    const workspace = await createWorkspace(database.db, { slug: 'first-platform', name: 'A' });
    await load(workspace, 'orders', 'youzan');
    const wecom = await load(workspace, 'customers', 'wecom');
    expect(skipped(wecom)).toEqual({ duplicate_contact: 1, no_stable_id: 1 });
    expect(wecom).toMatchObject({ inserted: 0, updated: 1 });
    const brand = await load(workspace, 'customers', 'brand');
    expect(skipped(brand)).toEqual({ no_stable_id: 1 });
    expect(brand).toMatchObject({ inserted: 1 });
    await load(workspace, 'orders', 'brandOrders');
    const rows = await customers(workspace);
    expectOneBuyer(rows);
    // Known first by her phone, she keeps the name she was created under; VIP001 points at her.
    const buyer = rows.find((r) => r.orders?.includes('B-1'))!;
    expect(buyer.external_id).toMatch(/^ph_[0-9a-f]{40}$/);
  });

  it('does the same when the brand file comes first, and again when every file is loaded twice', async () => {
    const workspace = await createWorkspace(database.db, { slug: 'first-brand', name: 'B' });
    await sql`insert into channels (workspace_id, code, name, domain)
              values (${workspace.id}, 'youzan', '有赞商城', 'private')`.execute(database.db);
    await load(workspace, 'customers', 'brand');
    await load(workspace, 'orders', 'brandOrders');
    await load(workspace, 'orders', 'youzan');
    await load(workspace, 'customers', 'wecom');
    const rows = await customers(workspace);
    expectOneBuyer(rows);
    expect(rows.find((r) => r.orders?.includes('B-1'))!.external_id).toBe('VIP001');
    for (const [kind, name] of [
      ['customers', 'brand'],
      ['orders', 'youzan'],
      ['customers', 'wecom'],
      ['orders', 'brandOrders'],
    ] as const) {
      const again = await load(workspace, kind, name);
      expect(again).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(await customers(workspace)).toEqual(rows);
  });

  it('stores none of the phones in clear, in any text column of any table', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')
        and table_name not like 'kysely_%'`.execute(database.db);
    for (const { table_name, column_name } of columns.rows) {
      const text = (
        await sql<{ v: string | null }>`
          select ${sql.ref(column_name)}::text as v from ${sql.table(table_name)}`.execute(
          database.db,
        )
      ).rows
        .map((r) => r.v ?? '')
        .join('\n');
      for (const phone of PHONES)
        expect(text.includes(phone), `${table_name}.${column_name}`).toBe(false);
    }
  });

  it('rejects a phone column holding something that is not a mainland mobile, without echoing it', async () => {
    const workspace = await createWorkspace(database.db, { slug: 'bad-phone', name: 'C' });
    const file = path.join(scratch, 'bad-phone.csv');
    writeFileSync(file, '会员ID,手机号\nVIP9,010-87654321\n');
    const result = await runImport(database, {
      workspace,
      kind: 'customers',
      source: await fileSource(file, DEFAULT_LIMITS),
      fileName: 'bad-phone.csv',
    });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]).toMatchObject({ line: 2, column: '手机号' });
    expect(result.errors[0]!.reason).toContain('not a mainland mobile number');
    expect(result.errors[0]!.reason).not.toContain('87654321');
  });
});
