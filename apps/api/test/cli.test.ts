import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliEnvironment, type CliEnvironment } from './cli-process.js';

let cli: CliEnvironment;
const yg = (...args: string[]) => cli.yg(...args);

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(() => cli?.cleanup());

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
