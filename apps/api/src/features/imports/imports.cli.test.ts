import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../bin/yg.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/imports', import.meta.url));
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yugang-import-cli-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `yugang_import_cli_${process.pid}_${Date.now()}`;
    await admin(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env = { ...process.env, DATABASE_URL: url.toString(), YUGANG_DEMO: 'off' };
    cleanup = () => admin(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    env = { ...process.env, DATABASE_URL: '', YUGANG_DATA_DIR: dataDir, YUGANG_DEMO: 'off' };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

async function admin(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function yg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('yg import', { timeout: 240_000 }, () => {
  it('when files are imported, then it prints the outcome and exits 0, or 1 listing each rejected row', async () => {
    expect((await yg('workspace', 'create', 'acme', 'Acme')).code).toBe(0);
    const channels = await yg('import', 'acme', 'channels', `${FIXTURES}/samples/channels.csv`);
    expect(channels.code).toBe(0);
    expect(channels.stdout).toContain('channels from channels.csv (csv utf-8): succeeded');
    expect(channels.stdout).toContain('rows read 6, new 6, changed 0');

    const bad = await yg('import', 'acme', 'orders', `${FIXTURES}/bad/unknown-customer.csv`);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('line 2, 客户ID: unknown customer C0001: import customers first');
    expect(bad.stderr).toContain('2 rows rejected; nothing was imported');

    const dry = await yg(
      'import',
      'acme',
      'customers',
      `${FIXTURES}/samples/customers.csv`,
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('validated');
    expect(dry.stdout).toContain('nothing was written');

    const usage = await yg('import', 'acme', 'order', 'x.csv');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown kind order');
  });
});
