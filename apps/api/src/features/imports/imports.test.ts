/**
 * The import pipeline end to end on a real database: every kind's sample in load order, re-imports,
 * encodings and XLSX, then the bad files. Over 500 lines on purpose: the cases share one database
 * whose state each builds on (the samples loaded in order), which one file keeps in view.
 */
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { Workspace } from '../../db/schema.js';
import { writeXlsx, ZipWriter, type TableView } from '../../lib/table-export.js';
import { createWorkspace } from '../workspaces/workspaces.service.js';
import { runImport, type ImportResult } from './imports.service.js';
import type { ImportKind } from './kinds/index.js';
import { DEFAULT_LIMITS } from './limits.js';
import { fileSource } from './source.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports');
const SAMPLES = path.join(FIXTURES, 'samples');
const BAD = path.join(FIXTURES, 'bad');
const ORDER_OF_KINDS: ImportKind[] = [
  'channels',
  'customers',
  'orders',
  'costs',
  'accounts',
  'conversations',
  'group_daily',
  'account_daily',
  'live_sessions',
];

let database: TestDatabase;
let workspace: Workspace;
const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-imports-'));

beforeAll(async () => {
  database = await createTestDatabase();
  workspace = await createWorkspace(database.db, { slug: 'acme', name: 'Acme' });
});
afterAll(async () => {
  await database?.dispose();
});

async function importFile(
  kind: ImportKind,
  file: string,
  options: { dryRun?: boolean; limits?: typeof DEFAULT_LIMITS } = {},
): Promise<ImportResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  return runImport(database, {
    workspace,
    kind,
    source: await fileSource(file, limits),
    fileName: path.basename(file),
    dryRun: options.dryRun ?? false,
    limits,
  });
}

async function importBytes(kind: ImportKind, name: string, bytes: Buffer | string) {
  const file = path.join(scratch, name);
  writeFileSync(file, bytes);
  return importFile(kind, file);
}

/** Row counts of every table but the import history. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('imports') and table_name not like 'kysely_%'
    order by table_name`.execute(database.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
      database.db,
    );
    counts[name] = row.rows[0]!.n;
  }
  return counts;
}

describe('imports', () => {
  it('when every sample file is imported in order, then each kind lands', async () => {
    for (const kind of ORDER_OF_KINDS) {
      const result = await importFile(kind, path.join(SAMPLES, `${kind}.csv`));
      expect(result.errors, kind).toEqual([]);
      expect(result.status, kind).toBe('succeeded');
      expect(result.inserted, kind).toBe(result.rowsRead);
    }
    const counts = await tableCounts();
    expect(counts).toMatchObject({
      channels: 6,
      customers: 5,
      orders: 7,
      costs: 6,
      accounts: 3,
      conversations: 3,
      groups: 2,
      group_daily: 4,
      account_daily: 3,
      live_sessions: 2,
    });
    const order = await database.db
      .selectFrom('orders')
      .selectAll()
      .where('external_id', '=', 'O1001')
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      amount_fen: 129_900,
      gross_profit_fen: 52_050,
      commission_fen: 6_495,
      domain: 'public',
      local_date: '2024-01-03',
      status: 'completed',
      returned: false,
    });
    expect(order.ordered_at.toISOString()).toBe('2024-01-03T02:20:00.000Z');
    const cancelled = await database.db
      .selectFrom('orders')
      .select(['status', 'domain'])
      .where('external_id', '=', 'O1005')
      .executeTakeFirstOrThrow();
    expect(cancelled).toEqual({ status: 'cancelled', domain: 'public' });
    const channel = await database.db
      .selectFrom('channels')
      .selectAll()
      .where('code', '=', 'tmall')
      .executeTakeFirstOrThrow();
    expect(channel).toMatchObject({ domain: 'public', commission_rate: 0.05, name: '天猫旗舰店' });
    const group = await database.db
      .selectFrom('groups')
      .selectAll()
      .where('external_id', '=', 'G01')
      .executeTakeFirstOrThrow();
    expect(group).toMatchObject({ name: '老客福利群 1', created_on: '2024-03-01' });
  });

  it('when the same files are imported again, then nothing is duplicated or changed', async () => {
    const before = await tableCounts();
    const ids = await database.db.selectFrom('orders').select(['id', 'external_id']).execute();
    for (const kind of ORDER_OF_KINDS) {
      const result = await importFile(kind, path.join(SAMPLES, `${kind}.csv`));
      expect(result.status, kind).toBe('succeeded');
      expect([result.inserted, result.updated], kind).toEqual([0, 0]);
      expect(result.unchanged, kind).toBe(result.rowsRead);
    }
    expect(await tableCounts()).toEqual(before);
    const again = await database.db.selectFrom('orders').select(['id', 'external_id']).execute();
    expect(again).toEqual(ids);
  });

  it('when a row changes, then re-importing updates it in place and keeps other columns', async () => {
    const result = await importBytes(
      'orders',
      'update.csv',
      'order_id,customer_id,channel,ordered_at,amount,status\n' +
        'O1002,C0001,wecom,2024-02-10 19:42,399.90,已取消\n',
    );
    expect(result).toMatchObject({ status: 'succeeded', inserted: 0, updated: 1 });
    const order = await database.db
      .selectFrom('orders')
      .select(['status', 'gross_profit_fen', 'domain'])
      .where('external_id', '=', 'O1002')
      .executeTakeFirstOrThrow();
    // gross_profit is not in this file: kept.
    expect(order).toEqual({ status: 'cancelled', gross_profit_fen: 16_000, domain: 'private' });
  });

  it('when an order moves to another customer, then both customers are updated in the read model', async () => {
    const facts = async () =>
      Object.fromEntries(
        (
          await database.db
            .selectFrom('rm_customer as r')
            .innerJoin('customers as c', (j) =>
              j.onRef('c.workspace_id', '=', 'r.workspace_id').onRef('c.id', '=', 'r.customer_id'),
            )
            .select(['c.external_id', 'r.orders', 'r.gmv_fen'])
            .where('r.workspace_id', '=', workspace.id)
            .where('c.external_id', 'in', ['C0004', 'C0005'])
            .execute()
        ).map((r) => [r.external_id, [Number(r.orders), Number(r.gmv_fen)]]),
      );
    const before = await facts();
    const result = await importBytes(
      'orders',
      'move.csv',
      'order_id,customer_id,channel,ordered_at,amount\nO1007,C0005,community,2024-03-18 12:00,239\n',
    );
    expect(result).toMatchObject({ status: 'succeeded', inserted: 0, updated: 1 });
    const after = await facts();
    expect(after.C0004).toEqual([before.C0004![0]! - 1, before.C0004![1]! - 23_900]);
    expect(after.C0005).toEqual([before.C0005![0]! + 1, before.C0005![1]! + 23_900]);
    // Back, so the tests below see the sample as imported.
    const back = await importBytes(
      'orders',
      'move-back.csv',
      'order_id,customer_id,channel,ordered_at,amount\nO1007,C0004,community,2024-03-18 12:00,239\n',
    );
    expect(back).toMatchObject({ status: 'succeeded', updated: 1 });
    expect(await facts()).toEqual(before);
  });

  it('when a changed row refers to a new row of the same file, then both land', async () => {
    const first = await importBytes('accounts', 'acc1.csv', 'account_id,kind\nZA1,wecom\n');
    expect(first).toMatchObject({ status: 'succeeded', inserted: 1 });
    const second = await importBytes(
      'accounts',
      'acc2.csv',
      'account_id,kind,backup_of\nZA1,wecom,ZA2\nZA2,wecom,\n',
    );
    expect(second).toMatchObject({ status: 'succeeded', inserted: 1, updated: 1 });
    const row = await database.db
      .selectFrom('accounts')
      .select('backup_of')
      .where('external_id', '=', 'ZA1')
      .executeTakeFirstOrThrow();
    expect(row.backup_of).toBe('ZA2');
  });

  it('when a dry run is asked, then it validates and reports but writes nothing', async () => {
    const before = await tableCounts();
    const result = await importBytes(
      'orders',
      'dry.csv',
      '订单号,客户ID,渠道,下单时间,实付金额\nO2001,C0002,jd,2024-04-01 00:30,10\n',
    );
    expect(result.status).toBe('succeeded');
    const dry = await importFile('orders', path.join(SAMPLES, 'orders.csv'), { dryRun: true });
    expect(dry).toMatchObject({ status: 'validated', dryRun: true, rowsRead: 7 });
    const fresh = path.join(scratch, 'dry-new.csv');
    writeFileSync(
      fresh,
      '订单号,客户ID,渠道,下单时间,实付金额\nO2002,C0002,jd,2024-04-01 00:30,10\n',
    );
    const dryNew = await importFile('orders', fresh, { dryRun: true });
    expect(dryNew).toMatchObject({ status: 'validated', inserted: 1 });
    const after = await tableCounts();
    expect(after.orders).toBe((before.orders ?? 0) + 1);
    const row = await database.db
      .selectFrom('orders')
      .select('local_date')
      .where('external_id', '=', 'O2001')
      .executeTakeFirstOrThrow();
    expect(row.local_date).toBe('2024-04-01');
  });

  it('when a GB18030 CSV with Chinese headers is imported, then its text and values are right', async () => {
    const text =
      '客户ID,获客时间,获客渠道,入私域时间\r\n' +
      'GB01,2024年3月2日,tmall,2024/03/05 08:00\r\n' +
      'GB02,2024-03-03 12:00,京东自营,\r\n';
    const channels = await importBytes(
      'channels',
      'gb-channels.csv',
      iconv.encode('渠道编码,渠道名称,域\r\n京东自营,京东自营店,公域\r\n', 'gb18030'),
    );
    expect(channels.encoding).toBe('gb18030');
    const result = await importBytes('customers', 'gb.csv', iconv.encode(text, 'gb18030'));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', encoding: 'gb18030', inserted: 2 });
    const rows = await database.db
      .selectFrom('customers')
      .select(['external_id', 'acquisition_channel', 'acquired_at', 'joined_private_at'])
      .where('external_id', 'in', ['GB01', 'GB02'])
      .orderBy('external_id')
      .execute();
    expect(rows[0]!.acquired_at!.toISOString()).toBe('2024-03-01T16:00:00.000Z');
    expect(rows[0]!.joined_private_at!.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(rows[1]!.acquisition_channel).toBe('京东自营');
  });

  it('when a UTF-8 file has a BOM and CRLF, then it imports like any other', async () => {
    const result = await importBytes(
      'costs',
      'bom.csv',
      '\ufeffMonth,Domain,Category,Amount (元),Note\r\n2024-03,private,tools,"1,000.50",\r\n',
    );
    expect(result).toMatchObject({ status: 'succeeded', encoding: 'utf-8', inserted: 1 });
  });

  it('when an XLSX with Chinese headers is imported, then it lands like the CSV', async () => {
    interface Row {
      id: string;
      customer: string;
      channel: string;
      at: string;
      amount: number;
      returned: string;
    }
    const view: TableView<Row> = {
      columns: [
        { label: '订单号', value: (r) => r.id },
        { label: '客户ID', value: (r) => r.customer },
        { label: '渠道', value: (r) => r.channel },
        { label: '下单时间', value: (r) => r.at },
        { label: '实付金额', value: (r) => r.amount },
        { label: '是否退货', value: (r) => r.returned },
      ],
      rows: [
        {
          id: 'X1',
          customer: 'C0001',
          channel: 'tmall',
          at: '2024-05-01 10:00',
          amount: 12.3,
          returned: '是',
        },
        {
          id: 'X2',
          customer: 'C0002',
          channel: 'wecom',
          at: '2024-05-02 11:00',
          amount: 1999,
          returned: '否',
        },
      ],
    };
    const file = path.join(scratch, 'orders.xlsx');
    const out = createWriteStream(file);
    await writeXlsx(out, view);
    out.end();
    await finished(out);
    const result = await importFile('orders', file);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'succeeded', format: 'xlsx', inserted: 2 });
    const rows = await database.db
      .selectFrom('orders')
      .select(['external_id', 'amount_fen', 'returned', 'domain'])
      .where('external_id', 'in', ['X1', 'X2'])
      .orderBy('external_id')
      .execute();
    expect(rows).toEqual([
      { external_id: 'X1', amount_fen: 1230, returned: true, domain: 'public' },
      { external_id: 'X2', amount_fen: 199_900, returned: false, domain: 'private' },
    ]);

    // A truncated workbook is refused whole.
    const before = await tableCounts();
    const truncated = readFileSync(file).subarray(0, Math.floor(readFileSync(file).length * 0.6));
    const bad = await importBytes('orders', 'truncated.xlsx', truncated);
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid_xlsx' });
    expect(await tableCounts()).toEqual(before);
  });

  it('when XLSX cells hold date-formatted serial numbers, then they import as local date-times, dates and months', async () => {
    // Excel stores a date as a number of days since 1899-12-30 (the fraction is the time of
    // day) and shows it through the cell's number format: built-in ids 22 and 14, or a custom
    // code. A number in a text (@) or money format stays a number.
    const serial = (y: number, m: number, d: number, hh = 0, mm = 0) =>
      Date.UTC(y, m - 1, d, hh, mm) / 86_400_000 + 25_569;
    const styles =
      '<numFmts count="3">' +
      '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;;@"/>' +
      '<numFmt numFmtId="177" formatCode="@"/>' +
      '<numFmt numFmtId="178" formatCode="#,##0.00&quot;元&quot;"/>' +
      '</numFmts><cellXfs count="6"><xf numFmtId="0"/>' +
      '<xf numFmtId="22" applyNumberFormat="1"/>' + // 1: m/d/yy h:mm
      '<xf numFmtId="14" applyNumberFormat="1"/>' + // 2: m/d/yyyy
      '<xf numFmtId="176" applyNumberFormat="1"/>' + // 3: 2024年3月
      '<xf numFmtId="177" applyNumberFormat="1"/>' + // 4: text
      '<xf numFmtId="178" applyNumberFormat="1"/>' + // 5: money
      '</cellXfs>';
    type Cell = string | { n: number; s: number };
    const book = async (name: string, rows: Cell[][]) => {
      const cell = (c: Cell) =>
        typeof c === 'string'
          ? `<c t="inlineStr"><is><t>${c}</t></is></c>`
          : `<c s="${c.s}"><v>${c.n}</v></c>`;
      const sheet =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        rows.map((r) => `<row>${r.map(cell).join('')}</row>`).join('') +
        '</sheetData></worksheet>';
      const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
      const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
      const parts: [string, string][] = [
        [
          'xl/workbook.xml',
          `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ],
        [
          'xl/_rels/workbook.xml.rels',
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
            `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
        ],
        ['xl/styles.xml', `<styleSheet xmlns="${main}">${styles}</styleSheet>`],
        ['xl/worksheets/sheet1.xml', sheet],
      ];
      const chunks: Buffer[] = [];
      const zip = new ZipWriter(async (chunk) => {
        chunks.push(chunk);
      });
      for (const [part, text] of parts) await zip.add(part, [text]);
      await zip.finish();
      const file = path.join(scratch, name);
      writeFileSync(file, Buffer.concat(chunks));
      return file;
    };

    const orders = await importFile(
      'orders',
      await book('dated-orders.xlsx', [
        ['订单号', '客户ID', '渠道', '下单时间', '实付金额', '毛利'],
        [
          'XD1',
          'C0001',
          'tmall',
          { n: serial(2024, 3, 1, 10, 30), s: 1 },
          { n: 99.5, s: 4 },
          { n: 12.25, s: 5 },
        ],
        [
          'XD2',
          'C0001',
          'tmall',
          { n: serial(2024, 3, 2), s: 2 },
          { n: 100, s: 0 },
          { n: 1, s: 0 },
        ],
      ]),
    );
    expect(orders.errors).toEqual([]);
    expect(orders).toMatchObject({ status: 'succeeded', format: 'xlsx', inserted: 2 });
    const stored = await database.db
      .selectFrom('orders')
      .select(['external_id', 'ordered_at', 'local_date', 'amount_fen', 'gross_profit_fen'])
      .where('external_id', 'in', ['XD1', 'XD2'])
      .orderBy('external_id')
      .execute();
    // Wall-clock times in the workspace time zone (Asia/Shanghai, UTC+8).
    expect(stored.map((r) => ({ ...r, ordered_at: new Date(r.ordered_at).toISOString() }))).toEqual(
      [
        {
          external_id: 'XD1',
          ordered_at: '2024-03-01T02:30:00.000Z',
          local_date: '2024-03-01',
          amount_fen: 9950,
          gross_profit_fen: 1225,
        },
        {
          external_id: 'XD2',
          ordered_at: '2024-03-01T16:00:00.000Z',
          local_date: '2024-03-02',
          amount_fen: 10_000,
          gross_profit_fen: 100,
        },
      ],
    );

    const costs = await importFile(
      'costs',
      await book('dated-costs.xlsx', [
        ['月份', '域', '类别', '金额', '备注'],
        [{ n: serial(2030, 3, 1), s: 3 }, '私域', '人力', { n: 3000, s: 5 }, 'xlsx month'],
      ]),
    );
    expect(costs.errors).toEqual([]);
    const cost = await database.db
      .selectFrom('costs')
      .select(['month', 'amount_fen'])
      .where('note', '=', 'xlsx month')
      .executeTakeFirstOrThrow();
    expect(cost).toEqual({ month: '2030-03-01', amount_fen: 300_000 });

    const daily = await importFile(
      'group_daily',
      await book('dated-groups.xlsx', [
        ['群ID', '日期', '群成员数', '活跃成员数'],
        ['GX1', { n: serial(2024, 2, 29), s: 2 }, { n: 10, s: 0 }, { n: 3, s: 0 }],
      ]),
    );
    expect(daily.errors).toEqual([]);
    const day = await database.db
      .selectFrom('group_daily')
      .select(['date', 'members'])
      .where('group_id', '=', 'GX1')
      .executeTakeFirstOrThrow();
    expect(day).toEqual({ date: '2024-02-29', members: 10 });
  });

  it('when a workspace with orders is deleted, then its orders go too (but a customer with orders stays)', async () => {
    const other = await createWorkspace(database.db, { slug: 'doomed', name: 'Doomed' });
    for (const kind of ['channels', 'customers', 'orders'] as const) {
      const file = path.join(SAMPLES, `${kind}.csv`);
      const result = await runImport(database, {
        workspace: other,
        kind,
        source: await fileSource(file, DEFAULT_LIMITS),
        fileName: `${kind}.csv`,
      });
      expect(result.status, kind).toBe('succeeded');
    }
    const count = async (id: number) =>
      (
        await database.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n;
    expect(Number(await count(other.id))).toBeGreaterThan(0);
    const mine = Number(await count(workspace.id));
    // orders → customers has no cascade: a customer with orders cannot be deleted.
    await expect(
      database.db.deleteFrom('customers').where('workspace_id', '=', other.id).execute(),
    ).rejects.toThrow(/orders_customer_fk/);
    await database.db.deleteFrom('workspaces').where('id', '=', other.id).execute();
    expect(Number(await count(other.id))).toBe(0);
    expect(Number(await count(workspace.id))).toBe(mine);
  });
});

describe('bad files', () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await tableCounts();
  });

  const cases: {
    name: string;
    kind?: ImportKind;
    file: () => string | Promise<string>;
    code: string;
    first?: { line?: number; column?: string | null; reason: RegExp };
    rejected?: number;
  }[] = [
    {
      name: 'wrong headers',
      file: () => path.join(BAD, 'wrong-headers.csv'),
      code: 'invalid_header',
      first: { line: 1, reason: /needs the columns order_id.*found: 单号/ },
    },
    {
      name: 'bad dates',
      file: () => path.join(BAD, 'bad-dates.csv'),
      code: 'rows_rejected',
      first: { line: 2, column: '下单时间', reason: /not a calendar date/ },
      rejected: 3,
    },
    {
      name: 'negative amounts and too many decimals',
      file: () => path.join(BAD, 'negative-amounts.csv'),
      code: 'rows_rejected',
      first: { line: 2, column: '实付金额', reason: /must not be negative/ },
      rejected: 3,
    },
    {
      name: 'an unknown channel',
      file: () => path.join(BAD, 'unknown-channel.csv'),
      code: 'rows_rejected',
      first: { line: 3, column: '渠道', reason: /unknown channel pinduoduo/ },
      rejected: 1,
    },
    {
      name: 'duplicate ids',
      file: () => path.join(BAD, 'duplicate-ids.csv'),
      code: 'rows_rejected',
      first: { line: 4, column: '订单号', reason: /duplicate order_id O9001 \(first on line 2\)/ },
      rejected: 1,
    },
    {
      name: 'an unknown customer',
      file: () => path.join(BAD, 'unknown-customer.csv'),
      code: 'rows_rejected',
      first: { line: 3, column: '客户ID', reason: /unknown customer C9999/ },
      rejected: 1,
    },
    { name: 'an empty file', file: () => path.join(BAD, 'empty.csv'), code: 'empty_file' },
    { name: 'a header only', file: () => path.join(BAD, 'header-only.csv'), code: 'no_rows' },
    {
      name: 'an unclosed quote',
      file: () => path.join(BAD, 'unclosed-quote.csv'),
      code: 'invalid_csv',
      first: { line: 2, reason: /never closed/ },
    },
    {
      name: 'binary garbage',
      file: () => {
        const bytes = Buffer.alloc(4096);
        let x = 12345;
        for (let i = 0; i < bytes.length; i++) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          bytes[i] = x >> 16;
        }
        return write('garbage.bin', bytes);
      },
      code: 'not_text',
    },
    {
      name: 'a 10 MB single line',
      file: () => write('long-line.csv', 'order_id,' + 'x'.repeat(10 * 1024 * 1024)),
      code: 'line_too_long',
      first: { line: 1, reason: /longer than 64 KB/ },
    },
    {
      name: 'mixed encodings',
      file: () =>
        write(
          'mixed.csv',
          Buffer.concat([
            Buffer.from(
              '订单号,客户ID,渠道,下单时间,实付金额\nO9001,C0001,tmall,2024-03-01 10:00,100\n',
            ),
            iconv.encode('O9002,C0001,天猫,2024-03-01 10:00,100\n', 'gb18030'),
          ]),
        ),
      code: 'mixed_encoding',
      first: { line: 3, reason: /mixes encodings/ },
    },
    {
      name: 'mixed encodings beyond the first 64 KB',
      file: () => {
        const good = 'O9001,C0001,tmall,2024-03-01 10:00,100\n'.repeat(3000);
        return write(
          'mixed-late.csv',
          Buffer.concat([
            Buffer.from('订单号,客户ID,渠道,下单时间,实付金额\n' + good),
            iconv.encode('O9002,C0001,天猫,2024-03-01 10:00,100\n', 'gb18030'),
          ]),
        );
      },
      code: 'mixed_encoding',
      first: { line: 3002, reason: /mixes encodings/ },
    },
    {
      name: 'a UTF-16 file',
      file: () => write('utf16.csv', Buffer.from('\ufefforder_id\n1\n', 'utf16le')),
      code: 'unsupported_encoding',
    },
    {
      name: 'a zip that is no workbook',
      file: async () => {
        const file = path.join(scratch, 'not-a-workbook.xlsx');
        const out = createWriteStream(file);
        await writeXlsx(out, { columns: [], rows: [] });
        out.end();
        await finished(out);
        // Same zip, but rename the parts so neither workbook nor sheet exists.
        const bytes = readFileSync(file);
        const text = bytes.toString('latin1').replaceAll('xl/', 'zz/');
        return write('not-a-workbook.xlsx', Buffer.from(text, 'latin1'));
      },
      code: 'invalid_xlsx',
    },
  ];

  function write(name: string, bytes: Buffer | string): string {
    const file = path.join(scratch, name);
    writeFileSync(file, bytes);
    return file;
  }

  for (const c of cases) {
    it(`when a file has ${c.name}, then it is rejected with ${c.code} and no table changes`, async () => {
      const result = await importFile(c.kind ?? 'orders', await c.file());
      expect(result.status).toBe('rejected');
      expect(result.code).toBe(c.code);
      expect(result.errors.length).toBeGreaterThan(0);
      if (c.first) {
        const first = result.errors[0]!;
        expect(first.reason).toMatch(c.first.reason);
        if (c.first.line !== undefined) expect(first.line).toBe(c.first.line);
        if (c.first.column !== undefined) expect(first.column).toBe(c.first.column);
      }
      if (c.rejected !== undefined) expect(result.rejected).toBe(c.rejected);
      expect(await tableCounts()).toEqual(before);
      const history = await database.db
        .selectFrom('imports')
        .select(['status', 'rows_rejected', 'errors'])
        .where('id', '=', result.id)
        .executeTakeFirstOrThrow();
      expect(history.status).toBe('rejected');
    });
  }

  it('when many rows are bad, then the first 100 are listed and all are counted', async () => {
    const lines = ['订单号,客户ID,渠道,下单时间,实付金额'];
    for (let i = 0; i < 250; i++) lines.push(`B${i},C0001,tmall,not a date,1`);
    const result = await importBytes('orders', 'many-bad.csv', lines.join('\n'));
    expect(result).toMatchObject({ status: 'rejected', rejected: 250, errorCount: 250 });
    expect(result.errors).toHaveLength(100);
    expect(await tableCounts()).toEqual(before);
  });

  it('when an XLSX part inflates far beyond its size, then it is refused as a zip bomb', async () => {
    const file = path.join(scratch, 'bomb.xlsx');
    const out = createWriteStream(file);
    const rows = Array.from({ length: 60_000 }, () => 0);
    await writeXlsx(out, {
      columns: [{ label: 'a', value: () => 'aaaaaaaaaaaaaaaaaaaaaaaa' }],
      rows,
    });
    out.end();
    await finished(out);
    const result = await importFile('orders', file, {
      limits: { ...DEFAULT_LIMITS, maxXlsxRatio: 20 },
    });
    expect(result).toMatchObject({ status: 'rejected', code: 'xlsx_bomb' });
    const small = await importFile('orders', file, {
      limits: { ...DEFAULT_LIMITS, maxXlsxRatio: 100_000, maxXlsxUncompressedBytes: 100_000 },
    });
    expect(small).toMatchObject({ status: 'rejected', code: 'xlsx_too_large' });
    expect(await tableCounts()).toEqual(before);
  });
});
