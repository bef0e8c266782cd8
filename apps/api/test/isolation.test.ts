import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/http/route.js';
import { startTestApp, type TestApp } from './fixtures.js';
import { findLeaks } from './isolation.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('isolation matrix over every route in the kit', () => {
  it('when the app is built, then the kit knows its workspace routes', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((r) => r.inWorkspace === r.path.startsWith('/workspaces/:ws'))).toBe(true);
  });

  it('when every caller calls every route on its own, a foreign and a missing workspace, then nothing leaks', async () => {
    const routes = registeredRoutes(t.app);
    const leaks = await findLeaks(t, routes);
    expect(leaks).toEqual([]);
  });

  it('when a route enforces more than it declares, then the matrix reports the mismatch', async () => {
    const patch = registeredRoutes(t.app).find(
      (r) => r.method === 'patch' && r.path === '/workspaces/:ws/settings',
    );
    expect(patch).toBeDefined();
    const leaks = await findLeaks(t, [{ ...patch!, access: 'viewer' }]);
    expect(leaks.map((l) => [l.caller, l.workspace, l.status])).toContainEqual([
      'viewer',
      'own',
      403,
    ]);
  });
});
