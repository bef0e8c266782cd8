import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFixture, type Fixture } from '../../test/fixtures.js';
import { listen, type Listening } from '../../test/listen.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { AppError } from '../errors/app-error.js';
import { errorHandler } from './error-handler.js';
import {
  authenticatedRoute,
  mountRoutes,
  publicRoute,
  registeredRoutes,
  workspaceRoute,
  type RouteDefinition,
} from './route.js';
import { idParam } from './schemas.js';

let database: TestDatabase;
let fixture: Fixture;
let server: Listening;
const seen: string[] = [];

const routes: RouteDefinition[] = [
  workspaceRoute({
    method: 'get',
    path: '/workspaces/:ws/things/:thingId',
    summary: 'A thing',
    minRole: 'viewer',
    params: idParam('thingId'),
    query: z.object({ verbose: z.enum(['yes', 'no']).default('no') }),
    response: z.object({
      ws: z.string(),
      thingId: z.number(),
      verbose: z.string(),
      role: z.string(),
    }),
    handler: ({ params, query, actor, workspace }) => ({
      ws: workspace.slug,
      thingId: params.thingId,
      verbose: query.verbose,
      role: actor.role,
      // An undeclared field: the response schema drops it.
      secret: 'never sent',
    }),
  }),
  workspaceRoute({
    method: 'post',
    path: '/workspaces/:ws/things',
    summary: 'Make a thing',
    minRole: 'lead',
    body: z.object({ name: z.string().min(1) }),
    response: z.object({ name: z.string() }),
    status: 201,
    middleware: [
      (_req, _res, next) => {
        seen.push('middleware');
        next();
      },
    ],
    handler: ({ body }) => {
      seen.push('handler');
      return { name: body.name };
    },
  }),
  workspaceRoute({
    method: 'delete',
    path: '/workspaces/:ws/things/:thingId',
    summary: 'Delete a thing',
    minRole: 'owner',
    params: idParam('thingId'),
    handler: ({ params }) => {
      if (params.thingId === 7) throw new AppError(409, 'busy', 'thing 7 is busy');
    },
  }),
  authenticatedRoute({
    method: 'get',
    path: '/broken',
    summary: 'Answers outside its schema',
    response: z.object({ n: z.number() }),
    handler: () => ({ n: 'not a number' as unknown as number }),
  }),
  publicRoute({
    method: 'get',
    path: '/stream',
    summary: 'Sends its own answer',
    handler: ({ res }) => {
      res.type('text/csv').send('a,b\n1,2\n');
    },
  }),
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
      publicRoute({ method: 'get', path: '/workspaces/:ws/x', summary: 'x', handler: () => {} }),
    ).toThrow(/workspaceRoute/);
    expect(() => mountRoutes(express(), [routes[0]!, routes[0]!], { handle: database })).toThrow(
      /twice/,
    );
  });
});
