import { XLSX_TYPE, type ImportKindName } from '@yugang/contract';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { IMPORT_TEMPLATES } from './import-templates.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports/samples');

let t: TestApp;

/** Kinds whose rows name accounts (conversations) come after accounts. */
const LOAD_ORDER: ImportKindName[] = [
  'channels',
  'customers',
  'orders',
  'costs',
  'accounts',
  'conversations',
  'group_daily',
  'account_daily',
  'live_sessions',
  'experiments',
];

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const base = () => `${t.url}/api/v1/workspaces/acme/imports`;

describe('import templates', () => {
  it('when a kind has a sample file in the import tests, then its template holds the same text', () => {
    for (const kind of LOAD_ORDER.filter((k) => k !== 'experiments')) {
      const sample = readFileSync(path.join(SAMPLES, `${kind}.csv`), 'utf8').replace(/^\uFEFF/, '');
      expect(IMPORT_TEMPLATES[kind], kind).toBe(sample);
    }
  });

  it('when a viewer downloads the orders template as CSV, then it has the Chinese headers and example rows', async () => {
    const response = await fetch(`${base()}/templates/orders.csv`, {
      headers: t.fixture.headers.viewer,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('orders.csv');
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header).toBe(
      '订单号,客户ID,渠道,下单时间,实付金额,毛利,佣金,订单状态,是否退货,退款金额',
    );
    expect(rows.length).toBeGreaterThan(2);
  });

  it('when every kind is downloaded as XLSX and uploaded back in load order, then each imports with no row error', async () => {
    for (const kind of LOAD_ORDER) {
      const file = await fetch(`${base()}/templates/${kind}.xlsx`, {
        headers: t.fixture.headers.lead,
      });
      expect(file.status, kind).toBe(200);
      expect(file.headers.get('content-type')).toBe(XLSX_TYPE);
      const body = Buffer.from(await file.arrayBuffer());
      expect(body.subarray(0, 2).toString()).toBe('PK');
      const upload = await fetch(`${base()}/${kind}`, {
        method: 'POST',
        headers: { ...t.fixture.headers.lead, 'content-type': XLSX_TYPE },
        body,
      });
      const answer = (await upload.json()) as { import?: { status: string; errorCount: number } };
      expect([kind, upload.status, answer]).toMatchObject([
        kind,
        200,
        { import: { status: 'succeeded', errorCount: 0 } },
      ]);
    }
  });

  it('when an unknown kind or a stranger asks, then the answer is 400 or 404', async () => {
    const bad = await fetch(`${base()}/templates/invoices.csv`, {
      headers: t.fixture.headers.viewer,
    });
    expect(bad.status).toBe(400);
    const stranger = await fetch(`${base()}/templates/orders.csv`, {
      headers: t.fixture.headers.outsider,
    });
    expect(stranger.status).toBe(404);
  });
});
