import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/fixtures.js';

const PLATFORMS = path.resolve(import.meta.dirname, '../../../../test/fixtures/imports/platforms');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

function post(
  route: string,
  body: string | Buffer,
  as: 'lead' | 'viewer' = 'lead',
  type = 'text/csv',
): Promise<Response> {
  return fetch(`${t.url}/api/v1/workspaces/${t.fixture.workspace.slug}/${route}`, {
    method: 'POST',
    headers: { ...t.fixture.headers[as], 'content-type': type },
    body,
  });
}

const file = (name: string) => readFileSync(path.join(PLATFORMS, name));

/** A brand's own ERP export: no preset knows it. */
const ERP =
  '\ufeff导出于 2025-03-31\r\n单号,会员手机,下单日期,成交金额,来源,备注\r\nE-1,13912345678,2025-03-20 10:00,"¥2,000.00",tmall,\r\nE-2,13912345678,2025-03-21 10:00,"=""35.5""",tmall,复购\r\n';

interface Preview {
  kind: string | null;
  preset: string | null;
  headerLine: number;
  columns: { header: string; field: string | null; suggestions: string[] }[];
  rows: { line: number; values: Record<string, unknown> }[];
  errors: { line: number; column: string | null; reason: string }[];
  skipped: { code: string; rows: number }[];
}

describe('preview and mappings', () => {
  it('previews a Douyin export: kind, preset, columns and the folded first rows', async () => {
    const response = await post('imports/preview', file('douyin-orders.xlsx'), 'lead', XLSX);
    expect(response.status).toBe(200);
    const { preview } = (await response.json()) as { preview: Preview };
    expect(preview).toMatchObject({ kind: 'orders', preset: 'douyin', headerLine: 2, errors: [] });
    expect(preview.columns.find((c) => c.header === '主订单编号')?.field).toBe('order_id');
    expect(preview.columns.find((c) => c.header === '达人昵称')?.field).toBeNull();
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]!.values).toMatchObject({
      order_id: '6912345678901234567',
      amount: 100,
      channel: 'douyin',
      ordered_at: '2025-03-06 20:11:30',
      status: 'completed',
    });
    expect(preview.rows[0]!.values.customer_id).toMatch(/^ph_[0-9a-f]{40}$/);
    expect(Object.fromEntries(preview.skipped.map((s) => [s.code, s.rows]))).toEqual({
      folded: 1,
      unpaid: 1,
      no_stable_id: 1,
    });
    // Nothing was written.
    const history = await t.call('GET', '/workspaces/acme/imports', { as: 'viewer' });
    expect(history.body.imports).toEqual([]);
  });

  it('suggests fields for an unknown file, saves a mapping and imports with it', async () => {
    const tmall = await post('imports/orders', file('tmall-orders.gb18030.csv'));
    expect(tmall.status).toBe(200);
    expect(((await tmall.json()) as { import: { preset: string } }).import.preset).toBe('tmall');

    const unknown = await post('imports/preview?kind=orders', ERP);
    expect(unknown.status, await unknown.clone().text()).toBe(200);
    const { preview } = (await unknown.json()) as { preview: Preview };
    expect(preview.kind).toBe('orders');
    expect(preview.preset).toBeNull();
    expect(preview.columns.find((c) => c.header === '成交金额')?.suggestions).toContain('amount');
    expect(preview.errors[0]!.reason).toMatch(/needs the columns/);

    const columns = {
      单号: 'order_id',
      会员手机: 'customer_id',
      下单日期: 'ordered_at',
      成交金额: 'amount',
      来源: 'channel',
      备注: '',
    };
    const bad = await t.call('POST', '/workspaces/acme/import-mappings', {
      as: 'lead',
      body: { name: 'erp', kind: 'orders', columns: { ...columns, 成交金额: 'gmv' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('has no field gmv');
    const saved = await t.call('POST', '/workspaces/acme/import-mappings', {
      as: 'lead',
      body: { name: 'erp', kind: 'orders', columns },
    });
    expect(saved.status).toBe(200);
    const listed = await t.call('GET', '/workspaces/acme/import-mappings', { as: 'viewer' });
    expect(listed.body.mappings).toMatchObject([{ name: 'erp', kind: 'orders', columns }]);

    const mapped = await post('imports/preview?mapping=erp', ERP);
    const second = ((await mapped.json()) as { preview: Preview }).preview;
    expect(second).toMatchObject({ kind: 'orders', headerLine: 2, errors: [] });
    expect(second.rows.map((r) => r.values.amount)).toEqual([2000, 35.5]);

    // Imported with it: the ERP orders land on the Tmall buyer with the same phone.
    const imported = await post('imports/orders?mapping=erp&fileName=erp.csv', ERP);
    const result = ((await imported.json()) as { import: Record<string, unknown> }).import;
    expect(result).toMatchObject({ status: 'succeeded', inserted: 2, preset: 'mapping:erp' });
    const history = await t.call('GET', '/workspaces/acme/imports', { as: 'viewer' });
    expect(history.body.imports[0]).toMatchObject({ fileName: 'erp.csv', preset: 'mapping:erp' });
    const wrongKind = await post('imports/customers?mapping=erp', ERP);
    expect(wrongKind.status).toBe(400);
  });

  it('lets a viewer read but not preview or change mappings', async () => {
    expect((await post('imports/preview', ERP, 'viewer')).status).toBe(403);
    const denied = await t.call('DELETE', '/workspaces/acme/import-mappings/erp', { as: 'viewer' });
    expect(denied.status).toBe(403);
    const presets = await t.call('GET', '/workspaces/acme/import-presets', { as: 'viewer' });
    expect(presets.body.presets.map((p: { name: string }) => p.name)).toContain('wecom_customers');
    const gone = await t.call('DELETE', '/workspaces/acme/import-mappings/erp', { as: 'lead' });
    expect(gone.status).toBe(204);
    const again = await t.call('DELETE', '/workspaces/acme/import-mappings/erp', { as: 'lead' });
    expect(again.status).toBe(404);
  });
});
