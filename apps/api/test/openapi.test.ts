import { contract, type RouteContract } from '@yugang/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/http/route.js';
import { startTestApp, type TestApp } from './fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /openapi.json', () => {
  it('when asked without credentials, then it answers an OpenAPI 3.1 document with every kit route', async () => {
    const answer = await t.call('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    for (const route of registeredRoutes(t.app)) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const operation = answer.body.paths[path]?.[route.method];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(operation.summary).toBe(route.summary);
      expect(operation['x-min-role']).toBe(route.access);
    }
  });

  it('when the app is built, then it mounts exactly the routes of the contract table', () => {
    const declared = Object.values(contract)
      .flatMap((feature) => Object.values(feature) as RouteContract[])
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    const mounted = registeredRoutes(t.app)
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    expect(mounted).toEqual(declared);
  });

  it('when a route has a body, then the document carries its JSON schema', async () => {
    const { body } = await t.call('GET', '/openapi.json');
    const login = body.paths['/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(login.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['email', 'password'],
    });
    expect(body.components.schemas.Error.properties.error).toBeDefined();
    expect(login.responses).toHaveProperty('429');
  });
});
