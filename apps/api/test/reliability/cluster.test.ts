/**
 * WEB_CONCURRENCY on PostgreSQL: several server processes share the port, a killed one is
 * replaced while the others answer, and SIGTERM stops them all with exit 0. PGlite is one
 * process, so there the setting falls back to one with a warning.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createDataHome, startServerProcess, type DataHome } from './server-process.js';

let home: DataHome;
beforeAll(async () => {
  home = await createDataHome();
});
afterAll(() => home?.cleanup());

const postgres = Boolean(process.env.TEST_DATABASE_URL);

describe('WEB_CONCURRENCY', { timeout: 180_000 }, () => {
  it.runIf(postgres)(
    'when two processes share the port, then both answer, a killed one is replaced and SIGTERM stops all with exit 0',
    async () => {
      const server = await startServerProcess({ ...home.env, WEB_CONCURRENCY: '2' });
      onTestFinished(() => {
        // A failed assertion must not leave a primary that keeps forking workers behind.
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
        for (const line of server.lines) {
          if (typeof line.pid !== 'number') continue;
          try {
            process.kill(line.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      });
      const workers = () =>
        server.lines.filter((l) => /running at/.test(String(l.msg ?? ''))).length;
      for (let i = 0; i < 40 && workers() < 2; i++) await new Promise((r) => setTimeout(r, 250));
      expect(workers(), server.output()).toBe(2);
      for (let i = 0; i < 10; i++) {
        expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      }
      const pids = new Set(
        server.lines.filter((l) => /running at/.test(String(l.msg ?? ''))).map((l) => l.pid),
      );
      expect(pids.size, server.output()).toBe(2);
      process.kill([...pids][0] as number, 'SIGKILL');
      // A keep-alive connection to the killed process is reset; a new request is served.
      const afterKill = async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            return (await fetch(`${server.url}/api/v1/health`)).status;
          } catch (error) {
            if (attempt >= 3) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      };
      expect(await afterKill()).toBe(200);
      for (let i = 0; i < 80 && workers() < 3; i++) await new Promise((r) => setTimeout(r, 250));
      expect(workers()).toBe(3);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    },
  );

  it.runIf(postgres)(
    'when a key is revoked through one worker, then every worker refuses it within ACCESS_CACHE_MS',
    async () => {
      const password = 'cluster owner passphrase 42';
      expect((await home.yg('workspace', 'create', 'hive', 'Hive')).code).toBe(0);
      const owner = await home.yg(
        'user',
        'create',
        'owner@hive.test',
        '--workspace',
        'hive',
        '--role',
        'owner',
        '--password',
        password,
      );
      expect(owner.code, owner.stderr).toBe(0);
      const key = (await home.yg('apikey', 'create', 'hive')).stdout.trim();
      const server = await startServerProcess({ ...home.env, WEB_CONCURRENCY: '2' });
      onTestFinished(() => {
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
      });
      const workers = () =>
        server.lines.filter((l) => /running at/.test(String(l.msg ?? ''))).length;
      for (let i = 0; i < 40 && workers() < 2; i++) await new Promise((r) => setTimeout(r, 250));
      expect(workers(), server.output()).toBe(2);
      // Each request on a new connection: the primary hands connections to the workers in turn.
      const statuses = (n: number) =>
        Promise.all(
          Array.from({ length: n }, () =>
            fetch(`${server.url}/api/v1/workspaces/hive/settings`, {
              headers: { authorization: `Bearer ${key}`, connection: 'close' },
            }).then(async (r) => (await r.arrayBuffer(), r.status)),
          ),
        );
      expect(new Set(await statuses(8))).toEqual(new Set([200]));
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@hive.test', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const keys = (await (
        await fetch(`${server.url}/api/v1/workspaces/hive/api-keys`, { headers: { cookie } })
      ).json()) as { apiKeys: { id: number }[] };
      const revoke = await fetch(
        `${server.url}/api/v1/workspaces/hive/api-keys/${keys.apiKeys[0]!.id}`,
        {
          method: 'DELETE',
          headers: { cookie },
        },
      );
      expect(revoke.status).toBe(204);
      const revokedAt = performance.now();
      let all401 = false;
      while (!all401 && performance.now() - revokedAt < 10_000) {
        all401 = (await statuses(8)).every((status) => status === 401);
        if (!all401) await new Promise((r) => setTimeout(r, 100));
      }
      expect(all401).toBe(true);
      expect(performance.now() - revokedAt).toBeLessThan(1000 + 1500);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    },
  );

  it.runIf(!postgres)(
    'when the database is PGlite, then one process serves and says why',
    async () => {
      const server = await startServerProcess({ ...home.env, WEB_CONCURRENCY: '2' });
      expect(server.lines.some((l) => /needs PostgreSQL/.test(String(l.msg ?? '')))).toBe(true);
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    },
  );
});
