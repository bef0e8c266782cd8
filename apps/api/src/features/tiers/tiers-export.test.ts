/**
 * GET tiers/export.csv|.xlsx: a tier's rows equal GET tiers' `customers` for every tier, a move's
 * rows equal the movement matrix cell, ids are external and formula-safe, every export is audited,
 * and a query naming neither a tier nor a move is a 400.
 */
import { localDateOf } from '@yugang/metrics';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { loadDatasetInto, TEST_TIME_ZONE, type Dataset } from '../../read-model/test-data.js';
import { DEFAULT_LIMITS } from '../imports/limits.js';
import { readXlsxRows } from '../imports/xlsx.js';

let t: TestApp;
let base: string;
const AS_OF = '2024-03-05';

/** 40 customers buying 1–4 times in January–March 2024, 5 who never bought (ordinary, idle). */
function dataset(): Dataset {
  const days = ['2024-01-03', '2024-01-10', '2024-02-01', '2024-02-15', '2024-03-01'];
  const orders = [];
  let n = 0;
  for (let c = 1; c <= 40; c++) {
    const count = 1 + (c % 4);
    for (let k = 0; k < count; k++) {
      n += 1;
      const orderedAt = new Date(`${days[(c + k * 2) % days.length]}T03:00:00Z`);
      orders.push({
        id: `E${n}`,
        customerId: String(c),
        channel: 'tmall',
        domain: 'public' as const,
        orderedAt,
        localDate: localDateOf(orderedAt, TEST_TIME_ZONE),
        amountFen: 1000 + ((c * 7919 + k * 104729) % 20000),
        grossProfitFen: 300,
        commissionFen: null,
        status: 'completed' as const,
        returned: false,
        refundFen: 0,
      });
    }
  }
  const customers = Array.from({ length: 45 }, (_, i) => ({
    id: String(i + 1),
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: null,
    leftPrivateAt: null,
  }));
  return { customers, orders } as unknown as Dataset;
}

interface TiersJson {
  previousAsOf: string;
  tiers: { tier: string; customers: number }[];
  movement: { matrix: Record<string, Record<string, number>> };
}

/** CSV data rows (header dropped), split on commas (the ids here hold no quotes or commas but the injected one). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .map((line) => line.split(','));
}

beforeAll(async () => {
  t = await startTestApp();
  const id = t.fixture.workspace.id;
  await loadDatasetInto(t.database, id, dataset());
  // a hostile external id: must come back as text, not a formula
  await t.database.db
    .updateTable('customers')
    .set({ external_id: '=1+2' })
    .where('workspace_id', '=', id)
    .where('id', '=', 44)
    .execute();
  await rebuildReadModel(t.database, id);
  base = `/workspaces/${t.fixture.workspace.slug}/tiers`;
});
afterAll(async () => {
  await t?.close();
});

describe('GET /workspaces/:ws/tiers/export.csv|.xlsx', () => {
  it('when each tier is exported, then its rows equal the tier’s count, ids are external and the export is audited', async () => {
    const tiers = (await t.call('get', `${base}?asOf=${AS_OF}`, { as: 'viewer' }))
      .body as TiersJson;
    let total = 0;
    const seen = new Set<string>();
    for (const { tier, customers } of tiers.tiers) {
      const res = await t.call('get', `${base}/export.csv?asOf=${AS_OF}&tier=${tier}`, {
        as: 'viewer',
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toContain(`tier-${tier}-${AS_OF}.csv`);
      const rows = csvRows(res.body as unknown as string);
      expect(rows.length, tier).toBe(customers);
      expect(res.headers.get('x-row-count')).toBe(String(customers));
      for (const [id, now] of rows) {
        expect(now).toBe(tier);
        expect(id).toMatch(/^(C\d+|'=1\+2)$/);
        seen.add(id!);
      }
      total += customers;
    }
    expect(total).toBe(45);
    expect(seen.size).toBe(45);
    expect(seen.has("'=1+2")).toBe(true);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details', 'actor_user_id'])
      .where('workspace_id', '=', t.fixture.workspace.id)
      .where('action', '=', 'tiers.export')
      .execute();
    expect(audit.map((a) => a.target).sort()).toEqual(
      ['tier:high_value', 'tier:ordinary', 'tier:potential'].sort(),
    );
    expect(audit.every((a) => a.actor_user_id === t.fixture.users.viewer.id)).toBe(true);
    const details = audit.map((a) =>
      typeof a.details === 'string' ? JSON.parse(a.details) : a.details,
    );
    expect(
      details.map((d: { rows: number }) => d.rows).reduce((a: number, b: number) => a + b, 0),
    ).toBe(45);
  });

  it('when a move is exported, then its rows equal the movement matrix cell and carry both tiers', async () => {
    const tiers = (await t.call('get', `${base}?asOf=${AS_OF}`, { as: 'viewer' }))
      .body as TiersJson;
    let checked = 0;
    for (const from of ['high_value', 'potential', 'ordinary']) {
      for (const to of ['high_value', 'potential', 'ordinary']) {
        const want = tiers.movement.matrix[from]![to]!;
        const res = await t.call('get', `${base}/export.csv?asOf=${AS_OF}&from=${from}&to=${to}`, {
          as: 'viewer',
        });
        expect(res.status).toBe(200);
        const rows = csvRows(res.body as unknown as string);
        expect(rows.length, `${from} → ${to}`).toBe(want);
        for (const row of rows) expect([row[2], row[1]]).toEqual([from, to]);
        checked += want;
      }
    }
    expect(checked).toBe(45);
    const moved = Object.entries(tiers.movement.matrix).some(([f, row]) =>
      Object.entries(row).some(([to, n]) => f !== to && n > 0),
    );
    expect(moved).toBe(true);
  });

  it('when exported as XLSX, then the workbook holds the same rows as the CSV', async () => {
    const csv = await t.call('get', `${base}/export.csv?asOf=${AS_OF}&tier=potential`, {
      as: 'viewer',
    });
    const response = await fetch(
      `${t.url}/api/v1${base}/export.xlsx?asOf=${AS_OF}&tier=potential`,
      { headers: t.fixture.headers.viewer },
    );
    expect(response.status).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yugang-segment-')), 'segment.xlsx');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const rows: string[][] = [];
    for await (const row of readXlsxRows(file, DEFAULT_LIMITS, () => {})) rows.push(row.cells);
    expect(rows[0]).toEqual(['customer_external_id', 'tier', 'previous_tier']);
    expect(rows.slice(1)).toEqual(csvRows(csv.body as unknown as string));
  });

  it('when neither a tier nor a whole move is named, then 400; an unknown tier is 400', async () => {
    for (const query of [
      '',
      '&from=potential',
      '&tier=potential&from=ordinary&to=potential',
      '&tier=vip',
    ]) {
      const res = await t.call('get', `${base}/export.csv?asOf=${AS_OF}${query}`, { as: 'viewer' });
      expect(res.status, query).toBe(400);
    }
  });
});
