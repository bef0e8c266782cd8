import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createErrorHandler, handleError } from '../../src/http/error-handler.js';
import { requestLog } from '../../src/http/request-log.js';
import { createFixture, type Fixture } from '../fixtures.js';
import { listen, type Listening } from '../listen.js';
import { createTestDatabase, type TestDatabase } from '../test-database.js';
import { captureLogger, eventually } from './capture.js';

let database: TestDatabase;
let fixture: Fixture;
let server: Listening;
const captured = captureLogger();

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createFixture(database);
  server = await listen(createApp({ handle: database, logger: captured.logger }));
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('request log', () => {
  it('when requests are answered, then each gets one line with method, route pattern, status, ms, workspace and request id', async () => {
    const before = captured.lines.length;
    const settings = await fetch(`${server.url}/api/v1/workspaces/acme/settings`, {
      headers: { ...fixture.headers.owner, 'x-request-id': 'trace-42' },
    });
    expect(settings.status).toBe(200);
    expect(settings.headers.get('x-request-id')).toBe('trace-42');
    const missing = await fetch(`${server.url}/api/v1/nowhere`);
    expect(missing.status).toBe(404);
    const generated = missing.headers.get('x-request-id') ?? '';
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(() => captured.lines.length >= before + 2);
    const lines = captured.lines.slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: 'trace-42',
      method: 'GET',
      route: '/api/v1/workspaces/:ws/settings',
      status: 200,
      workspace: 'acme',
    });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(lines[1]).toMatchObject({ requestId: generated, status: 404, method: 'GET' });
  });

  it('when a request id is not a sane token, then a fresh one replaces it', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, {
      headers: { 'x-request-id': 'a b<script>' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('one error handler', () => {
  const mini = captureLogger();
  let app: Listening;
  beforeAll(async () => {
    const e = express();
    e.use(requestLog(mini.logger, 20));
    e.get('/boom', () => {
      throw new Error('relation "users" does not exist: select password_hash from users');
    });
    e.get('/slow', (_req, res) => {
      setTimeout(() => res.json({ ok: true }), 60);
    });
    e.use(createErrorHandler(mini.logger));
    app = await listen(e);
  });
  afterAll(() => app?.close());

  it('when a handler throws, then one error line carries the request id and the body is { error: { code, message } } without stack or SQL', async () => {
    const before = mini.lines.length;
    const response = await fetch(`${app.url}/boom`, { headers: { 'x-request-id': 'boom-1' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'internal server error' },
    });
    expect(text).not.toMatch(/select|users|at .*\.ts/);
    await eventually(() => mini.lines.length > before);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = mini.lines.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, requestId: 'boom-1', status: 500, route: '/boom' });
    expect((lines[0]!.err as { message: string }).message).toContain('select password_hash');
  });

  it('when a request is slower than the threshold, then its line is a warning', async () => {
    const before = mini.lines.length;
    await fetch(`${app.url}/slow`);
    await eventually(() => mini.lines.length > before);
    expect(mini.lines[before]).toMatchObject({ level: 40, slow: true, route: '/slow' });
  });
});

describe('process-level errors', () => {
  it('when an unhandled rejection reaches handleError, then it is one error line naming its source', () => {
    const own = captureLogger();
    const handled = handleError(new Error('lost promise'), own.logger, {
      source: 'unhandledRejection',
    });
    expect(handled.status).toBe(500);
    expect(own.lines).toHaveLength(1);
    expect(own.lines[0]).toMatchObject({
      level: 50,
      source: 'unhandledRejection',
      msg: 'lost promise',
    });
  });
});
