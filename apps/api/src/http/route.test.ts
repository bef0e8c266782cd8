import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFixture, type Fixture } from '../../test/fixtures.js';
import { listen, type Listening } from '../../test/listen.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { AppError } from '../errors/app-error.js';
import { errorHandler } from './error-handler.js';
import { asOfQuery, defineRoute, freshnessSchema, idParam, windowQuery } from '@yugang/contract';
import { addDays, localDateOf } from '@yugang/metrics';
import { implement, mountRoutes, registeredRoutes, type RouteDefinition } from './route.js';

let database: TestDatabase;
let fixture: Fixture;
let server: Listening;
const seen: string[] = [];

const windowed = z.object({ from: z.string(), to: z.string() });
let computed = 0;

const routes: RouteDefinition[] = [
  implement(
    defineRoute({
      method: 'get',
      path: '/workspaces/:ws/window',
      access: 'viewer',
      summary: 'Echoes the resolved window',
      query: windowQuery,
      response: windowed.extend({ freshness: freshnessSchema }),
      window: 'range',
    }),
    ({ window }) => window,
  ),
  implement(
    defineRoute({
      method: 'get',
      path: '/workspaces/:ws/counted',
      access: 'viewer',
      summary: 'Counts its computations',
      query: z.object({ n: z.coerce.number().default(0) }),
      response: z.object({ computed: z.number(), n: z.number() }),
      cache: 'data',
    }),
    ({ query }) => ({ computed: ++computed, n: query.n }),
  ),
  implement(
    defineRoute({
      method: 'get',
      path: '/workspaces/:ws/as-of',
      access: 'viewer',
      summary: 'Echoes the resolved asOf',
      query: asOfQuery,
      response: z.object({ asOf: z.string(), freshness: freshnessSchema }),
      window: 'asOf',
    }),
    ({ asOf }) => ({ asOf }),
  ),
  implement(
    defineRoute({
      method: 'get',
      path: '/workspaces/:ws/things/:thingId',
      access: 'viewer',
      summary: 'A thing',
      params: idParam('thingId'),
      query: z.object({ verbose: z.enum(['yes', 'no']).default('no') }),
      response: z.object({
        ws: z.string(),
        thingId: z.number(),
        verbose: z.string(),
        role: z.string(),
      }),
    }),
    ({ params, query, actor, workspace }) => ({
      ws: workspace.slug,
      thingId: params.thingId,
      verbose: query.verbose,
      role: actor.role,
      // An undeclared field: the response schema drops it.
      secret: 'never sent',
    }),
  ),
  implement(
    defineRoute({
      method: 'post',
      path: '/workspaces/:ws/things',
      access: 'lead',
      summary: 'Make a thing',
      body: z.object({ name: z.string().min(1) }),
      response: z.object({ name: z.string() }),
      status: 201,
    }),
    ({ body }) => {
      seen.push('handler');
      return { name: body.name };
    },
    {
      middleware: [
        (_req, _res, next) => {
          seen.push('middleware');
          next();
        },
      ],
    },
  ),
  implement(
    defineRoute({
      method: 'delete',
      path: '/workspaces/:ws/things/:thingId',
      access: 'owner',
      summary: 'Delete a thing',
      params: idParam('thingId'),
    }),
    ({ params }) => {
      if (params.thingId === 7) throw new AppError(409, 'busy', 'thing 7 is busy');
    },
  ),
  implement(
    defineRoute({
      method: 'get',
      path: '/broken',
      access: 'authenticated',
      summary: 'Answers outside its schema',
      response: z.object({ n: z.number() }),
    }),
    () => ({ n: 'not a number' as unknown as number }),
  ),
  implement(
    defineRoute({
      method: 'get',
      path: '/stream',
      access: 'public',
      summary: 'Sends its own answer',
    }),
    ({ res }) => {
      res.type('text/csv').send('a,b\n1,2\n');
    },
  ),
];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createFixture(database);
  const app = express();
  app.use(express.json());
  app.use('/api/v1', mountRoutes(app, routes, { handle: database }));
  app.use(errorHandler);
  server = await listen(app);
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

const call = async (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
) => {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null,
  };
};

describe('route kit', () => {
  it('when a route is declared, then params and query are parsed and only declared fields answer', async () => {
    const answer = await call(
      'GET',
      '/workspaces/acme/things/42?verbose=yes',
      fixture.headers.viewer,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ws: 'acme', thingId: 42, verbose: 'yes', role: 'viewer' });
  });

  it('when a param or query is invalid, then it answers 400 invalid_request naming where', async () => {
    const param = await call('GET', '/workspaces/acme/things/abc', fixture.headers.viewer);
    expect(param.status).toBe(400);
    expect(param.body.error.code).toBe('invalid_request');
    expect(param.body.error.details[0].path).toBe('params.thingId');
    const query = await call(
      'GET',
      '/workspaces/acme/things/1?verbose=maybe',
      fixture.headers.viewer,
    );
    expect(query.body.error.details[0].path).toBe('query.verbose');
  });

  it('when the caller lacks the role, then the answer is 403 before the body is even parsed', async () => {
    const answer = await call('POST', '/workspaces/acme/things', fixture.headers.viewer, {
      nope: 1,
    });
    expect(answer.status).toBe(403);
  });

  it('when a lead posts, then middleware runs after the checks and before the handler, with the declared status', async () => {
    seen.length = 0;
    const answer = await call('POST', '/workspaces/acme/things', fixture.headers.leadKey, {
      name: 'x',
    });
    expect(answer.status).toBe(201);
    expect(seen).toEqual(['middleware', 'handler']);
    seen.length = 0;
    await call('POST', '/workspaces/acme/things', fixture.headers.none, { name: 'x' });
    expect(seen).toEqual([]);
  });

  it('when a route has no response schema, then it answers 204; AppErrors keep their status', async () => {
    expect((await call('DELETE', '/workspaces/acme/things/1', fixture.headers.owner)).status).toBe(
      204,
    );
    const busy = await call('DELETE', '/workspaces/acme/things/7', fixture.headers.owner);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toEqual({ code: 'busy', message: 'thing 7 is busy' });
  });

  it('when a handler answers outside its schema, then it is a 500 without details', async () => {
    const answer = await call('GET', '/broken', fixture.headers.owner);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: { code: 'internal', message: 'internal server error' } });
  });

  it('when a windowed route gets no window, then it answers the 28 days up to the latest data day (today without data) and says how fresh the data is', async () => {
    const answer = await call('GET', '/workspaces/acme/window', fixture.headers.viewer);
    expect(answer.status).toBe(200);
    const to = addDays(localDateOf(new Date(), 'Asia/Shanghai'), 1);
    expect(answer.body).toEqual({
      from: addDays(to, -28),
      to,
      freshness: { latestDataDay: null, lastImportAt: null },
    });
    const asOf = await call('GET', '/workspaces/acme/as-of', fixture.headers.viewer);
    expect(asOf.body.asOf).toBe(to);
  });

  it('when a window names a week, a month or from/to, then the kit resolves it once', async () => {
    const week = await call('GET', '/workspaces/acme/window?week=2026-W01', fixture.headers.viewer);
    expect(week.body).toMatchObject({ from: '2025-12-29', to: '2026-01-05' });
    const month = await call(
      'GET',
      '/workspaces/acme/window?month=2024-02',
      fixture.headers.viewer,
    );
    expect(month.body).toMatchObject({ from: '2024-02-01', to: '2024-03-01' });
    const from = await call(
      'GET',
      '/workspaces/acme/window?from=2025-01-10',
      fixture.headers.viewer,
    );
    expect(from.body).toMatchObject({ from: '2025-01-10', to: '2025-02-07' });
  });

  it('when a window is out of bounds or contradicts itself, then it is one 400 invalid_request', async () => {
    for (const query of [
      'from=2026-03-01&to=2026-02-01',
      'from=1999-12-31&to=2000-01-05',
      'to=9999-01-01',
      'week=2026-W60',
      'week=2026-W01&month=2026-01',
      'from=2020-01-01&to=2026-01-01',
      'month=2026-13',
    ]) {
      const answer = await call('GET', `/workspaces/acme/window?${query}`, fixture.headers.viewer);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code, query).toBe('invalid_request');
    }
    const asOf = await call(
      'GET',
      '/workspaces/acme/as-of?asOf=0001-01-01',
      fixture.headers.viewer,
    );
    expect(asOf.status).toBe(400);
  });

  it('when a contract says cache: data, then its answer is kept per query until the data version changes', async () => {
    const first = await call('GET', '/workspaces/acme/counted?n=1', fixture.headers.viewer);
    const again = await call('GET', '/workspaces/acme/counted?n=1', fixture.headers.lead);
    const other = await call('GET', '/workspaces/acme/counted?n=2', fixture.headers.viewer);
    expect(again.body).toEqual(first.body);
    expect(other.body.computed).toBe(first.body.computed + 1);
    await database.db
      .insertInto('imports')
      .values({ workspace_id: fixture.workspace.id, kind: 'orders', status: 'succeeded' })
      .execute();
    const after = await call('GET', '/workspaces/acme/counted?n=1', fixture.headers.viewer);
    expect(after.body.computed).toBe(other.body.computed + 1);
  });

  it('when a handler sends its own answer, then the kit sends nothing more', async () => {
    const answer = await call('GET', '/stream');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('a,b\n1,2\n');
  });

  it('when routes are mounted, then registeredRoutes lists them and GET /openapi.json documents them', async () => {
    expect(registeredRoutes(express())).toEqual([]);
    const doc = await call('GET', '/openapi.json');
    const get = doc.body.paths['/workspaces/{ws}/things/{thingId}'].get;
    expect(get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:ws',
      'path:thingId',
      'query:verbose',
    ]);
    expect(get.responses['200'].content['application/json'].schema.properties).not.toHaveProperty(
      'secret',
    );
    expect(doc.body.paths['/workspaces/{ws}/things'].post.responses).toHaveProperty('201');
    expect(doc.body.paths['/workspaces/{ws}/things/{thingId}'].delete.responses).toHaveProperty(
      '204',
    );
  });

  it('when a workspace path is declared as public, or a route twice, then declaring fails', () => {
    expect(() =>
      implement(
        defineRoute({
          method: 'get',
          path: '/workspaces/:ws/x',
          access: 'public',
          summary: 'x',
        }),
        () => {},
      ),
    ).toThrow(/minimum role/);
    expect(() => mountRoutes(express(), [routes[0]!, routes[0]!], { handle: database })).toThrow(
      /twice/,
    );
  });
});
