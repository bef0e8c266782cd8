/**
 * kill -9 of a real server while an import runs: the next start marks the import failed with a
 * reason, removes the dead process's upload temp folder, the data folder (PGlite) opens again,
 * and importing the same file again lands whole.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_ROOT } from '../../src/features/imports/upload.js';
import { createDataHome, startServerProcess, type DataHome } from './server-process.js';

const ROWS = 400_000;
const csv = `customer_id\n${Array.from({ length: ROWS }, (_, i) => `c${i + 1}`).join('\n')}\n`;
let home: DataHome;
let key: string;

// About processes (kill -9, the next start's clean-up) and the embedded folder opening again
// after it, not about SQL: on Postgres the server itself rolls back a dead client's transaction.
// It runs on the PGlite pass only (CI runs both passes), and is skipped when TEST_DATABASE_URL
// selects Postgres.
const onPglite = !process.env.TEST_DATABASE_URL;

describe.runIf(onPglite)('a server killed during an import', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    home = await createDataHome();
    expect((await home.yg('workspace', 'create', 'acme', 'Acme')).code).toBe(0);
    const created = await home.yg('apikey', 'create', 'acme');
    key = created.stdout.trim();
  });
  afterAll(() => home?.cleanup());

  it('when it starts again, then the import is failed with a reason, its temp files are gone, and a retry lands whole', async () => {
    const first = await startServerProcess(home.env);
    const headers = { authorization: `Bearer ${key}` };
    const accepted = await fetch(
      `${first.url}/api/v1/workspaces/acme/imports/customers?wait=false`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/csv' },
        body: csv,
      },
    );
    expect(accepted.status).toBe(202);
    const { import: started } = (await accepted.json()) as { import: { id: number } };
    // Killed at once: the import has its record (running) and its temp file, and is mid-way.
    const tempDir = path.join(UPLOAD_ROOT, String(first.child.pid));
    expect(readdirSync(tempDir).length).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await startServerProcess(home.env);
    try {
      expect(existsSync(tempDir)).toBe(false);
      expect(second.lines.some((l) => String(l.msg).includes('left running'))).toBe(true);
      const after = await fetch(`${second.url}/api/v1/workspaces/acme/imports/${started.id}`, {
        headers,
      });
      const record = ((await after.json()) as { import: { status: string; message: string } })
        .import;
      expect(record.status).toBe('failed');
      expect(record.message).toMatch(/interrupted/);

      const retry = await fetch(
        `${second.url}/api/v1/workspaces/acme/imports/customers?wait=true`,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/csv' },
          body: csv,
        },
      );
      expect(retry.status).toBe(200);
      const done = ((await retry.json()) as { import: { status: string; inserted: number } })
        .import;
      expect(done).toMatchObject({ status: 'succeeded', inserted: ROWS });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
