import express from 'express';
import { get, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
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
let noted = 0;
let clock = 'step 1';

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
      path: '/workspaces/:ws/noted',
      access: 'viewer',
      summary: 'Counts its computations; kept per data version and per goals and annotations',
      response: z.object({ computed: z.number(), annotations: z.array(z.string()) }),
      cache: 'data+edits',
    }),
    async ({ db, workspace }) => ({
      computed: ++noted,
      annotations: (
        await db
          .selectFrom('annotations')
          .select('text')
          .where('workspace_id', '=', workspace.id)
          .orderBy('id')
          .execute()
      ).map((a) => a.text),
    }),
    { cacheKey: () => clock },
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

  it('when a contract says cache: data+edits, then an added, changed or removed annotation or goal computes it again, and the data-only answers stay kept', async () => {
    const path = '/workspaces/acme/noted';
    const ask = async () => (await call('GET', path, fixture.headers.viewer)).body;
    const first = await ask();
    expect(await ask()).toEqual(first);
    const kept = (await call('GET', '/workspaces/acme/counted?n=9', fixture.headers.viewer)).body;
    const [added] = await database.db
      .insertInto('annotations')
      .values({ workspace_id: fixture.workspace.id, date: '2026-01-05', text: 'launch' })
      .returning('id')
      .execute();
    const afterAdd = await ask();
    expect(afterAdd).toEqual({ computed: first.computed + 1, annotations: ['launch'] });
    await database.db
      .updateTable('annotations')
      .set({ text: 'launch day' })
      .where('id', '=', added!.id)
      .execute();
    expect(await ask()).toEqual({ computed: first.computed + 2, annotations: ['launch day'] });
    await database.db.deleteFrom('annotations').where('id', '=', added!.id).execute();
    // Back to the rows of the first answer: the same key, so that answer, still kept.
    expect(await ask()).toEqual(first);
    const [goal] = await database.db
      .insertInto('goals')
      .values({
        workspace_id: fixture.workspace.id,
        metric: 'gmv',
        period_start: '2026-01-01',
        period_end: '2026-02-01',
        target: 100,
      })
      .returning('id')
      .execute();
    expect((await ask()).computed).toBe(first.computed + 3);
    await database.db
      .updateTable('goals')
      .set({ target: 200 })
      .where('id', '=', goal!.id)
      .execute();
    expect((await ask()).computed).toBe(first.computed + 4);
    await database.db.deleteFrom('goals').where('id', '=', goal!.id).execute();
    expect(await ask()).toEqual(first);
    // The route's own key (the review keys on the clock's step).
    clock = 'step 2';
    expect((await ask()).computed).toBe(first.computed + 5);
    expect((await ask()).computed).toBe(first.computed + 5);
    expect(
      (await call('GET', '/workspaces/acme/counted?n=9', fixture.headers.viewer)).body,
    ).toEqual(kept);
  });

  it('when an answer is kept, then it leaves gzipped to clients that accept it, with an ETag, and If-None-Match answers 304 only after the credentials are checked', async () => {
    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
        (resolve, reject) => {
          get(`${server.url}/api/v1${path}`, { headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks),
              }),
            );
          }).on('error', reject);
        },
      );
    const path = '/workspaces/acme/counted?n=3';
    const viewer = fixture.headers.viewer;
    const plain = await raw(path, { ...viewer, 'accept-encoding': 'identity' });
    const zipped = await raw(path, { ...viewer, 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    const refused = await raw(path, { ...viewer, 'accept-encoding': 'gzip;q=0, deflate' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBe(Number(zipped.headers['content-length']));
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(refused.body.equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString('utf8'))).toMatchObject({ n: 3 });
    const etag = plain.headers.etag!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(zipped.headers.etag).toBe(etag);
    expect(plain.headers['cache-control']).toBe('private, no-cache');
    expect(plain.headers.vary).toBe('Accept-Encoding');

    const revalidated = await raw(path, { ...viewer, 'if-none-match': `"other", ${etag}` });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect((await raw(path, { ...viewer, 'if-none-match': '"other"' })).status).toBe(200);
    // A client holding the answer is still asked who it is: no 304 without credentials or
    // membership, and a removed caller is not told the answer is unchanged.
    expect((await raw(path, { 'if-none-match': etag })).status).toBe(401);
    const outsider = await raw(path, { ...fixture.headers.outsider, 'if-none-match': etag });
    expect(outsider.status).toBe(404);
    expect(outsider.headers.etag).not.toBe(etag);

    await database.db
      .insertInto('imports')
      .values({ workspace_id: fixture.workspace.id, kind: 'orders', status: 'succeeded' })
      .execute();
    const changed = await raw(path, { ...viewer, 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
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
