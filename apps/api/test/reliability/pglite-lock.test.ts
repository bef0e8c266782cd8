/**
 * The embedded database is opened by one process at a time: `yg` beside a running server
 * refuses with a clear message and exit code 3 (and the server's data is untouched); a server
 * killed with -9 leaves a stale lock that the next process takes over, and the folder opens
 * again; yg backup / restore copy the folder with the lock held.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import {
  acquireFolderLock,
  DataFolderLockedError,
  lockPathOf,
  readOwner,
} from '../../src/db/pglite-lock.js';
import { createDataHome, startServerProcess, type DataHome } from './server-process.js';

// This file is about the embedded engine's folder and the processes sharing it, not about SQL:
// it runs on the PGlite pass only (CI runs both passes), and is skipped when TEST_DATABASE_URL
// selects Postgres.
const onPglite = !process.env.TEST_DATABASE_URL;
let home: DataHome;

describe.runIf(onPglite)('the PGlite folder lock', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    // Fresh, not a copy of the run's migrated template: the first `yg` below runs initdb and
    // every migration itself, as on a user's first start.
    home = await createDataHome({ fresh: true });
    expect((await home.yg('workspace', 'create', 'acme', 'Acme')).code).toBe(0);
  });
  afterAll(() => home?.cleanup());

  it('when the folder is open in this process, then a second open here is refused naming the owner, and release frees it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yugang-lock-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataFolderLockedError);
      await first.close();
      expect(existsSync(lockPathOf(dir))).toBe(false);
      const again = acquireFolderLock(dir);
      again.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(lockPathOf(dir), { force: true });
    }
  });

  it('when the lock names a dead pid, or this pid with another start time (a restarted container), then it is taken over', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yugang-lock-'));
    const write = (owner: object) => writeFileSync(lockPathOf(dir), JSON.stringify(owner));
    try {
      for (const owner of [
        { pid: 2 ** 22 + 1, startTime: '1', host: 'old-container', command: 'server', since: '' },
        { pid: process.pid, startTime: '1', host: 'old-container', command: 'server', since: '' },
      ]) {
        write(owner);
        const lock = acquireFolderLock(dir);
        expect(readOwner(lockPathOf(dir))?.since).not.toBe('');
        lock.release();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(lockPathOf(dir), { force: true });
    }
  });

  it('when yg runs while the server holds the folder, then yg refuses with exit code 3 and the server keeps working', async () => {
    const server = await startServerProcess(home.env);
    try {
      const refused = await home.yg(
        'user',
        'create',
        'x@acme.cn',
        '--workspace',
        'acme',
        '--role',
        'viewer',
      );
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/in use by process \d+.*stop the server first/s);
      const backup = await home.yg('backup', path.join(home.dataDir!, '..', 'never-made'));
      expect(backup.code).toBe(3);
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    expect(existsSync(lockPathOf(home.dataDir!))).toBe(false);
  });

  it('when the server is killed with -9, then its stale lock is taken over and the folder opens again', async () => {
    const server = await startServerProcess(home.env);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(existsSync(lockPathOf(home.dataDir!))).toBe(true);
    const created = await home.yg('workspace', 'create', 'beta', 'Beta');
    expect(created.code, created.stderr).toBe(0);
    const again = await startServerProcess(home.env);
    expect((await fetch(`${again.url}/api/v1/health`)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('when a backup is restored, then the folder is as it was at the backup', async () => {
    const backupDir = path.join(mkdtempSync(path.join(tmpdir(), 'yugang-backup-')), 'copy');
    try {
      const backup = await home.yg('backup', backupDir);
      expect(backup.code, backup.stderr).toBe(0);
      const gamma = await home.yg('workspace', 'create', 'gamma', 'Gamma');
      expect(gamma.code, gamma.stderr).toBe(0);
      const restore = await home.yg('restore', backupDir);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/previous folder is kept at/);
      // gamma came after the backup: it is gone; beta came before: it is still there.
      const again = await home.yg('workspace', 'create', 'gamma', 'Gamma');
      expect(again.code, again.stderr).toBe(0);
      const beta = await home.yg('workspace', 'create', 'beta', 'Beta');
      expect(beta.stderr).toContain('already exists');
    } finally {
      rmSync(path.dirname(backupDir), { recursive: true, force: true });
    }
  });
});
