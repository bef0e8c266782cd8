/**
 * What an import hands the read model (the changed customers and the inserted orders, left in temp
 * tables by the merge: staged-set.ts CHANGED) is all it needs: after every kind of change an
 * import makes, the read model equals a rebuild from the base tables.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { Workspace } from '../../db/schema.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { readModelSnapshot } from '../../read-model/test-data.js';
import { createWorkspace } from '../workspaces/workspaces.service.js';
import { runImport } from './imports.service.js';
import type { ImportKind } from './kinds/index.js';
import { DEFAULT_LIMITS } from './limits.js';
import { fileSource } from './source.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports/samples');
const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-import-read-model-'));

let database: TestDatabase;
let workspace: Workspace;
beforeAll(async () => {
  database = await createTestDatabase();
  workspace = await createWorkspace(database.db, { slug: 'acme', name: 'Acme' });
});
afterAll(async () => {
  await database?.dispose();
});

async function importFile(kind: ImportKind, file: string) {
  return runImport(database, {
    workspace,
    kind,
    source: await fileSource(file, DEFAULT_LIMITS),
    fileName: path.basename(file),
  });
}

async function importText(kind: ImportKind, name: string, text: string) {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return importFile(kind, file);
}

const ORDERS = '订单号,客户ID,渠道,下单时间,实付金额,订单状态\n';
const YOUZAN =
  '订单号,订单状态,订单创建时间,买家付款时间,商品金额合计,运费,订单实付金额,买家手机号,粉丝昵称,退款状态,已退款金额\n';

/** Each step changes the read model another way; the model must equal a rebuild after each. */
const STEPS: { name: string; kind: ImportKind; text: string; changes: number }[] = [
  {
    name: 'new, changed and moved orders',
    kind: 'orders',
    text:
      ORDERS +
      // After C0001's history, in a later week and month: absorbed from the new order alone.
      'O2001,C0001,tmall,2024-06-03 10:00,100,已完成\n' +
      // Inside C0002's history (the day after its order): the whole history again.
      'O2002,C0002,jd,2024-01-09 10:00,50,已完成\n' +
      // A new customer's first order is cancelled.
      'O2003,C0005,wecom,2024-06-04 10:00,70,已取消\n' +
      // A changed amount, and an order moved from C0005 to C0004.
      'O1003,C0002,jd,2024/01/08 14:00,99,已完成\n' +
      'O1006,C0004,miniapp,2024-03-05 08:05,66.6,已完成\n',
    changes: 5,
  },
  {
    name: 'a platform export with new buyers',
    kind: 'orders',
    text:
      YOUZAN +
      'Y1,已完成,2024-05-01 10:00:00,2024-05-01 10:00:00,12.00,0.00,"¥12.00",15900000001,a,,0.00\n' +
      'Y2,已完成,2024-05-20 10:00:00,2024-05-20 10:00:00,30.00,0.00,"¥30.00",15900000001,a,,0.00\n' +
      'Y3,待发货,2024-05-02 11:00:00,2024-05-02 11:00:00,8.50,0.00,"¥8.50",15900000002,b,,0.00\n',
    changes: 3,
  },
  {
    name: 'membership changes and a new customer',
    kind: 'customers',
    text:
      '客户ID,获客时间,获客渠道,入私域时间,离开私域时间\n' +
      'C0002,2024/01/08,jd,2024-01-20 09:00,\n' +
      'C0004,2024-02-14 21:05,tmall,2024-02-20 10:00,2024-04-01 10:00\n' +
      'C0006,2024-04-02,wecom,2024-04-02 09:00,\n',
    changes: 3,
  },
];

describe('the read model after an import', () => {
  it('when orders, a platform export and customers are imported over a built model, then after each it equals a rebuild', async () => {
    for (const kind of ['channels', 'customers', 'orders'] as const) {
      const result = await importFile(kind, path.join(SAMPLES, `${kind}.csv`));
      expect(result.status, kind).toBe('succeeded');
    }
    for (const step of STEPS) {
      const result = await importText(step.kind, `${step.kind}.csv`, step.text);
      expect(result.errors, step.name).toEqual([]);
      expect(result.inserted + result.updated, step.name).toBe(step.changes);
      const imported = await readModelSnapshot(database, workspace.id);
      await rebuildReadModel(database, workspace.id);
      expect(await readModelSnapshot(database, workspace.id), step.name).toEqual(imported);
    }
    // The new orders reached the model: C0001 has its third counted order.
    const c1 = await sql<{ orders: number }>`
      select r.orders from rm_customer r
      join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
      where r.workspace_id = ${workspace.id} and c.external_id = 'C0001'`.execute(database.db);
    expect(Number(c1.rows[0]?.orders)).toBe(3);
  });
});
