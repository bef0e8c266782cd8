import { readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import path from 'node:path';
import express from 'express';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { defaultConfig } from '../../config.js';
import { errorHandler } from '../../http/error-handler.js';
import { mountRoutes } from '../../http/route.js';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { listen, type Listening } from '../../../test/listen.js';
import { importsRoutes, type ImportRoutesOptions } from './imports.routes.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports/samples');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

function upload(
  kind: string,
  body: string | Buffer | FormData,
  headers: Record<string, string>,
  query = '',
): Promise<Response> {
  return fetch(`${t.url}/api/v1/workspaces/${t.fixture.workspace.slug}/imports/${kind}${query}`, {
    method: 'POST',
    headers,
    body,
  });
}

const sample = (kind: string) => readFileSync(path.join(SAMPLES, `${kind}.csv`));

describe('import routes', () => {
  it('when a lead uploads a raw CSV body, then it imports and the history lists it', async () => {
    const response = await upload('channels', sample('channels'), {
      ...t.fixture.headers.lead,
      'content-type': 'text/csv',
      'content-disposition': 'attachment; filename="channels.csv"',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { import: { id: number; status: string } };
    expect(body.import).toMatchObject({
      status: 'succeeded',
      inserted: 6,
      fileName: 'channels.csv',
    });
    const list = await t.call('GET', `/workspaces/acme/imports`, { as: 'viewer' });
    expect(list.status).toBe(200);
    expect(list.body.imports[0]).toMatchObject({
      id: body.import.id,
      kind: 'channels',
      fileName: 'channels.csv',
      status: 'succeeded',
      rowsInserted: 6,
      createdBy: t.fixture.users.lead.id,
    });
  });

  it('when a multipart form with a GB18030 file is uploaded with an API key, then it imports', async () => {
    const form = new FormData();
    const gb = iconv.encode(sample('customers').toString('utf8'), 'gb18030');
    form.append('file', new Blob([gb], { type: 'text/csv' }), '客户.csv');
    const response = await upload('customers', form, t.fixture.headers.leadKey);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { import: Record<string, unknown> };
    expect(body.import).toMatchObject({
      status: 'succeeded',
      encoding: 'gb18030',
      fileName: '客户.csv',
      inserted: 5,
    });
  });

  it('when rows are rejected, then the answer is 422 with every problem and errors.csv lists them', async () => {
    const csv =
      '订单号,客户ID,渠道,下单时间,实付金额\n' +
      'O1,C0001,tmall,2024-03-01 10:00,=1+2\n' +
      'O2,C0001,nowhere,2024-03-01 10:00,5\n';
    const response = await upload('orders', csv, {
      ...t.fixture.headers.owner,
      'content-type': 'text/csv',
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; details: { import: { id: number; errors: unknown[] } } };
    };
    expect(body.error.code).toBe('rows_rejected');
    expect(body.error.details.import.errors).toEqual([
      { line: 2, column: '实付金额', reason: 'not an amount in yuan: "=1+2"' },
      { line: 3, column: '渠道', reason: 'unknown channel nowhere: import channels first' },
    ]);
    const id = body.error.details.import.id;
    const errors = await fetch(`${t.url}/api/v1/workspaces/acme/imports/${id}/errors.csv`, {
      headers: t.fixture.headers.viewer,
    });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await errors.arrayBuffer());
    // UTF-8 BOM so Excel reads the Chinese column names right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // In the reader's language: Chinese unless asked otherwise, from the contract's catalog.
    const text = bytes.toString('utf8');
    expect(text).toContain('行,列,原因');
    expect(text).toContain('2,实付金额,"不是以元为单位的金额：""=1+2"""');
    expect(text).toContain('3,渠道,未知的渠道 nowhere：请先导入渠道');
    const english = await fetch(
      `${t.url}/api/v1/workspaces/acme/imports/${id}/errors.csv?lang=en`,
      { headers: t.fixture.headers.viewer },
    );
    const englishText = Buffer.from(await english.arrayBuffer()).toString('utf8');
    expect(englishText).toContain('line,column,reason');
    expect(englishText).toContain('2,实付金额,"not an amount in yuan: ""=1+2"""');
    const byHeader = await fetch(`${t.url}/api/v1/workspaces/acme/imports/${id}/errors.csv`, {
      headers: { ...t.fixture.headers.viewer, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(Buffer.from(await byHeader.arrayBuffer()).toString('utf8')).toContain(
      'unknown channel nowhere: import channels first',
    );
    const detail = await t.call('GET', `/workspaces/acme/imports/${id}`, { as: 'viewer' });
    expect(detail.body.import).toMatchObject({ status: 'rejected', rowsRejected: 2 });
    expect(detail.body.import.errors).toHaveLength(2);
    const xlsx = await fetch(
      `${t.url}/api/v1/workspaces/acme/imports/${id}/errors.xlsx?lang=zh-CN`,
      {
        headers: t.fixture.headers.viewer,
      },
    );
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).readUInt32BE(0)).toBe(0x504b0304);
  });

  it('when a viewer or a read-only key uploads, then it is forbidden', async () => {
    for (const who of ['viewer', 'readOnlyKey'] as const) {
      const response = await upload('channels', sample('channels'), {
        ...t.fixture.headers[who],
        'content-type': 'text/csv',
      });
      expect(response.status).toBe(403);
    }
  });

  it('when the file is a 10 MB single line, then the answer is 400 line_too_long', async () => {
    const response = await upload('orders', 'order_id,' + 'x'.repeat(10 * 1024 * 1024), {
      ...t.fixture.headers.lead,
      'content-type': 'text/csv',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('line_too_long');
  });

  it('when the body is empty or JSON, then the answer names what to send', async () => {
    const empty = await upload('orders', '', {
      ...t.fixture.headers.lead,
      'content-type': 'text/csv',
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('empty_file');
    const json = await t.call('POST', '/workspaces/acme/imports/orders', { as: 'lead', body: [] });
    expect(json.status).toBe(415);
  });

  it('when wait=false, then it answers 202 with an id whose progress and outcome can be polled', async () => {
    const response = await upload(
      'costs',
      sample('costs'),
      { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
      '?wait=false&fileName=costs.csv',
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as { import: { id: number }; progress: string };
    let status = 'running';
    for (let i = 0; i < 100 && status === 'running'; i++) {
      const detail = await t.call('GET', `/workspaces/acme/imports/${body.import.id}`, {
        as: 'viewer',
      });
      status = detail.body.import.status;
      if (status === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe('succeeded');
  });
});

describe('upload limits', () => {
  it('when a file is larger than YUGANG_MAX_UPLOAD_MB, then the answer is 413 and nothing is imported', async () => {
    const small = await listen(
      createApp({
        handle: t.database,
        config: { ...defaultConfig, YUGANG_MAX_UPLOAD_MB: 0.001 }, // about 1 KB
      }),
    );
    try {
      const before = await t.database.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const body = 'order_id\n' + 'O1\n'.repeat(2000);
      const declared = await fetch(`${small.url}/api/v1/workspaces/acme/imports/orders`, {
        method: 'POST',
        headers: { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
        body,
      });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as { error: { code: string } }).error.code).toBe(
        'payload_too_large',
      );
      // Without a Content-Length (a streamed body) the bytes are counted as they arrive.
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      });
      const streamed = await fetch(`${small.url}/api/v1/workspaces/acme/imports/orders`, {
        method: 'POST',
        headers: { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const after = await t.database.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    } finally {
      await small.close();
    }
  });
});

/** The import routes alone on a port of their own, with their limits set small. */
async function importsServer(options: ImportRoutesOptions): Promise<Listening> {
  const app = express();
  const api = express.Router();
  api.use(mountRoutes(app, importsRoutes(options), { handle: t.database }));
  app.use('/api/v1', api);
  app.use(errorHandler);
  return listen(app);
}

/** Sends `first` of a body that never ends (the client stalls); resolves with the answer. */
function stalledUpload(
  url: string,
  headers: Record<string, string>,
  first: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
    req.write(first);
  });
}

const countOf = async (table: 'imports' | 'orders') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('upload and import time limits', () => {
  it('when an upload stops sending for longer than the idle limit, then the answer is 408 upload_timeout and nothing is recorded', async () => {
    const server = await importsServer({ uploadIdleMs: 300 });
    try {
      const imports = await countOf('imports');
      const url = `${server.url}/api/v1/workspaces/acme/imports/orders`;
      const raw = await stalledUpload(
        url,
        { ...t.fixture.headers.lead, 'content-type': 'text/csv', 'content-length': '100000' },
        '订单号,客户ID,渠道,下单时间,实付金额\nO1,C0001,tmall,2024-03-01 10:00,5\n',
      );
      expect(raw.status).toBe(408);
      expect(JSON.parse(raw.body)).toMatchObject({ error: { code: 'upload_timeout' } });
      expect(raw.ms).toBeGreaterThanOrEqual(250);
      // The same through a multipart form whose file part never ends.
      const boundary = 'yugang-test-boundary';
      const form = await stalledUpload(
        url,
        {
          ...t.fixture.headers.lead,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="orders.csv"\r\n` +
          'content-type: text/csv\r\n\r\norder_id,customer_id\r\nO1,C1\r\n',
      );
      expect(form.status).toBe(408);
      expect(JSON.parse(form.body)).toMatchObject({ error: { code: 'upload_timeout' } });
      expect(await countOf('imports')).toBe(imports);
    } finally {
      await server.close();
    }
  });

  it('when an import runs longer than the time cap, then it stops with 503 import_aborted and no row lands', async () => {
    const server = await importsServer({ importTimeoutMs: 1 });
    try {
      const orders = await countOf('orders');
      let csv = '订单号,客户ID,渠道,下单时间,实付金额\n';
      for (let i = 0; i < 2000; i++) csv += `CAP${i},C0001,tmall,2024-03-01 10:00,5\n`;
      const response = await fetch(`${server.url}/api/v1/workspaces/acme/imports/orders`, {
        method: 'POST',
        headers: { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        error: { code: string; message: string; details: { import: { id: number } } };
      };
      expect(body.error.code).toBe('import_aborted');
      expect(body.error.message).toBe(
        'the import was stopped (it ran longer than its time limit); nothing was written',
      );
      expect(await countOf('orders')).toBe(orders);
      const detail = await t.call(
        'GET',
        `/workspaces/acme/imports/${body.error.details.import.id}`,
        {
          as: 'viewer',
        },
      );
      expect(detail.body.import).toMatchObject({
        status: 'rejected',
        rowsInserted: 0,
        rowsUpdated: 0,
      });
    } finally {
      await server.close();
    }
  });
});

describe('ingest route', () => {
  it('when an API key sends JSON rows, then they land and a second call changes nothing', async () => {
    const rows = [
      { account_id: 'K1', kind: 'wecom', registered_at: '2024-01-02' },
      { account_id: 'K2', registered_at: '2024-01-03', backup_of: 'K1' },
    ];
    const first = await t.call('POST', '/workspaces/acme/ingest/accounts', {
      as: 'leadKey',
      body: rows,
    });
    expect(first.status).toBe(200);
    expect(first.body.import).toMatchObject({ status: 'succeeded', inserted: 2, format: 'json' });
    const second = await t.call('POST', '/workspaces/acme/ingest/accounts', {
      as: 'leadKey',
      body: rows,
    });
    expect(second.body.import).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('when a row is bad, then the answer is 422 with its array position', async () => {
    const answer = await t.call('POST', '/workspaces/acme/ingest/account_daily', {
      as: 'leadKey',
      body: [
        { account_id: 'K1', date: '2024-03-01', active_adds: 3 },
        { account_id: 'K1', date: '2024-03-02', active_adds: -1 },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.details.import.errors).toEqual([
      { line: 2, column: 'active_adds', reason: 'must not be negative: "-1"' },
    ]);
  });

  it('when more than 10,000 rows are sent, then the answer is 400', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => ({ account_id: `Z${i}` }));
    const answer = await t.call('POST', '/workspaces/acme/ingest/accounts', {
      as: 'leadKey',
      body: rows,
    });
    expect(answer.status).toBe(400);
  });
});
