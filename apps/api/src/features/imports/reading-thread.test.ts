import { statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { createWorkspace } from '../workspaces/workspaces.service.js';
import { runImport } from './imports.service.js';
import { DEFAULT_LIMITS } from './limits.js';
import { WORKER_FROM_BYTES } from './reading-thread.js';
import { fileSource, type RowSource } from './source.js';

/**
 * A file from WORKER_FROM_BYTES up is read in a worker thread. The same Youzan export read there
 * and in the server's thread lands the same: rows, GMV, buyers, skip counts, row errors.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-reading-thread-'));
const HEADER =
  '订单号,订单状态,订单创建时间,买家付款时间,商品金额合计,运费,订单实付金额,买家手机号,粉丝昵称,退款状态,已退款金额';

function youzanFile(name: string, rows: number, bad: number | null): string {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const phone = `1590${String(i % 5000).padStart(7, '0')}`;
    const status = i % 10 === 0 ? '待付款' : '已完成';
    const amount = i === bad ? '12.345' : `${(i % 900) + 10}.50`;
    lines.push(
      `E${String(i).padStart(14, '0')},${status},2025-04-01 09:00:00,2025-04-01 09:00:30,${amount},0.00,${amount},${phone},粉丝${i},,0.00`,
    );
  }
  const file = path.join(scratch, name);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

async function load(slug: string, file: string, inThread: boolean) {
  const workspace = await createWorkspace(database.db, { slug, name: slug });
  const source: RowSource = await fileSource(file, DEFAULT_LIMITS);
  if (inThread) delete source.path;
  const result = await runImport(database, {
    workspace,
    kind: 'orders',
    source,
    fileName: 'y.csv',
  });
  const totals = await sql<{ orders: number; gmv: number; customers: number }>`
    select (select count(*) from orders where workspace_id = ${workspace.id}) as orders,
           (select coalesce(sum(amount_fen), 0) from orders where workspace_id = ${workspace.id}) as gmv,
           (select count(*) from customers where workspace_id = ${workspace.id}) as customers
  `.execute(database.db);
  const row = totals.rows[0]!;
  return {
    result,
    totals: { orders: Number(row.orders), gmv: Number(row.gmv), customers: Number(row.customers) },
  };
}

describe('reading a big file in a worker thread', () => {
  it('lands the same rows as reading in the server thread', async () => {
    const file = youzanFile('big.csv', 14_000, null);
    expect(statSync(file).size).toBeGreaterThan(WORKER_FROM_BYTES);
    const worker = await load('in-worker', file, false);
    const here = await load('in-thread', file, true);
    expect(worker.result.errors).toEqual([]);
    expect(worker.result).toMatchObject({
      status: 'succeeded',
      preset: 'youzan',
      encoding: 'utf-8',
      inserted: 12_600,
    });
    expect(worker.result.rowsRead).toBe(here.result.rowsRead);
    expect(worker.result.skipped).toEqual(here.result.skipped);
    expect(worker.result.skipped.map((s) => [s.code, s.rows])).toEqual([['unpaid', 1400]]);
    expect(worker.totals).toEqual(here.totals);
    // Buyers whose every order is unpaid (each tenth phone) never become customers.
    expect(Number(worker.totals.customers)).toBe(4500);
  });

  it('reports row errors and file errors from the worker like the server thread does', async () => {
    const file = youzanFile('bad.csv', 14_000, 7_001);
    const worker = await load('bad-worker', file, false);
    const here = await load('bad-thread', file, true);
    expect(worker.result).toMatchObject({ status: 'rejected', code: 'rows_rejected', rejected: 1 });
    expect(worker.result.errors).toEqual(here.result.errors);
    expect(worker.result.errors[0]).toMatchObject({ line: 7002, column: '订单实付金额' });
    expect(Number(worker.totals.orders)).toBe(0);

    const workspace = await createWorkspace(database.db, { slug: 'not-jd', name: 'x' });
    const wrong = await runImport(database, {
      workspace,
      kind: 'orders',
      source: await fileSource(file, DEFAULT_LIMITS),
      fileName: 'y.csv',
      read: { preset: 'jd' },
    });
    expect(wrong).toMatchObject({ status: 'rejected', code: 'invalid_header' });
    expect(wrong.message).toContain('京东');
  });
});
