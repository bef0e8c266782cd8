import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliEnvironment, type CliEnvironment } from '../../../../test/cli-process.js';

const PLATFORMS = fileURLToPath(
  new URL('../../../../test/fixtures/imports/platforms', import.meta.url),
);
let cli: CliEnvironment;
const yg = (...args: string[]) => cli.yg(...args);

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(() => cli?.cleanup());

describe('yg import --preset / --mapping', { timeout: 240_000 }, () => {
  it('reads a platform export with a named preset and says what it skipped', async () => {
    expect((await yg('workspace', 'create', 'acme', 'Acme')).code).toBe(0);
    const douyin = await yg(
      'import',
      'acme',
      'orders',
      `${PLATFORMS}/douyin-orders.xlsx`,
      '--preset',
      'douyin',
    );
    expect(douyin.stderr).toBe('');
    expect(douyin.code).toBe(0);
    expect(douyin.stdout).toContain('read as douyin');
    expect(douyin.stdout).toContain('skipped 1: unpaid order (never paid) / 未付款订单（未支付）');
    expect(douyin.stdout).toContain('new 2');

    const wrong = await yg(
      'import',
      'acme',
      'orders',
      `${PLATFORMS}/douyin-orders.xlsx`,
      '--preset',
      'tmall',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('not a Tmall / Taobao order report');

    const missing = await yg(
      'import',
      'acme',
      'orders',
      `${PLATFORMS}/jd-orders.csv`,
      '--mapping',
      'erp',
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('import mapping erp not found');
  });
});
