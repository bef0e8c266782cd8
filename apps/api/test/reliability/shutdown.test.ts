/**
 * SIGTERM on a real server process: health fails at once, a request already running finishes,
 * new requests are turned away, and the process exits 0 after closing the database; a request
 * that outlives SHUTDOWN_TIMEOUT_MS is cut and the process still exits 0.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataHome, startServerProcess, type DataHome } from './server-process.js';

let home: DataHome;
let key: string;

beforeAll(async () => {
  home = await createDataHome();
  expect((await home.yg('workspace', 'create', 'acme', 'Acme')).code).toBe(0);
  const created = await home.yg('apikey', 'create', 'acme');
  expect(created.code).toBe(0);
  key = created.stdout.trim();
});
afterAll(() => home?.cleanup());

/** Starts an upload and sends only its first bytes: a request in flight until `finish`. */
function slowUpload(url: string): {
  finish(): void;
  answer: Promise<{ status: number; body: string }>;
} {
  const request = http.request(`${url}/api/v1/workspaces/acme/imports/channels?wait=true`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'text/csv',
      'transfer-encoding': 'chunked',
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  request.write('code,name,domain\n');
  return {
    finish() {
      request.end('wecom,企微,private\n');
    },
    answer,
  };
}

describe('SIGTERM', { timeout: 180_000 }, () => {
  it('when a request is in flight, then health fails at once, new requests get 503, the request finishes and the process exits 0', async () => {
    const server = await startServerProcess({ ...home.env, SHUTDOWN_TIMEOUT_MS: '20000' });
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    const upload = slowUpload(server.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('connection')).toBe('close');
    const fresh = await fetch(`${server.url}/api/v1/workspaces/acme/settings`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(fresh.status).toBe(503);
    expect(((await fresh.json()) as { error: { code: string } }).error.code).toBe('shutting_down');
    upload.finish();
    const answer = await upload.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body).import.inserted).toBe(1);
    expect(await server.exited).toBe(0);
    expect(server.lines.some((l) => l.msg === 'stopped')).toBe(true);
  });

  it('when a request outlives the deadline, then its connection is cut and the process still exits 0', async () => {
    const server = await startServerProcess({ ...home.env, SHUTDOWN_TIMEOUT_MS: '1000' });
    const upload = slowUpload(server.url);
    const cut = upload.answer.then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await cut).toBe('cut');
    expect(server.lines.some((l) => String(l.msg).includes('shutdown deadline'))).toBe(true);
  });
});
