import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/yg.js', import.meta.url));
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yugang-cli-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `yugang_cli_${process.pid}_${Date.now()}`;
    await admin(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env = { ...process.env, DATABASE_URL: url.toString() };
    cleanup = () => admin(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    env = { ...process.env, DATABASE_URL: '', YUGANG_DATA_DIR: dataDir };
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

// Each run is a fresh process opening the database (PGlite takes seconds to start): allow time.
describe('yg CLI', { timeout: 240_000 }, () => {
  it('when a workspace, an owner and a key are created, then the key is all that stdout holds', async () => {
    expect((await yg('workspace', 'create', 'acme', 'Acme', '家居')).code).toBe(0);
    const user = await yg(
      'user',
      'create',
      'Owner@Acme.cn',
      '--workspace',
      'acme',
      '--role',
      'owner',
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/owner@acme\.cn created as owner of acme; password: \S{12,}/);
    const key = await yg('apikey', 'create', 'acme', '--read-only');
    expect(key.code).toBe(0);
    expect(key.stdout).toMatch(/^yg_[A-Za-z0-9_-]{32}\n$/);
  });

  it('when input is wrong, then it says why and exits non-zero, creating nothing', async () => {
    const duplicate = await yg('workspace', 'create', 'acme', 'Again');
    expect(duplicate).toMatchObject({ code: 1, stdout: '' });
    expect(duplicate.stderr).toContain('workspace acme already exists');

    const badSlug = await yg('workspace', 'create', 'Not A Slug', 'x');
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toContain('slug must be lowercase');

    const badRole = await yg(
      'user',
      'create',
      'x@acme.cn',
      '--workspace',
      'acme',
      '--role',
      'admin',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role must be one of owner, lead, viewer');

    const weak = await yg(
      'user',
      'create',
      'y@acme.cn',
      '--workspace',
      'acme',
      '--role',
      'lead',
      '--password',
      'short',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 8 characters');

    expect((await yg('apikey', 'create', 'nowhere')).stderr).toContain(
      'workspace nowhere not found',
    );
    expect((await yg('frobnicate')).code).toBe(2);
    expect((await yg('user', 'create', 'z@acme.cn', '--bogus')).code).toBe(2);
  });
});
