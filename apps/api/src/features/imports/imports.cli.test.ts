import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliEnvironment, type CliEnvironment } from '../../../test/cli-process.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/imports', import.meta.url));
let cli: CliEnvironment;
const yg = (...args: string[]) => cli.yg(...args);

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(() => cli?.cleanup());

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
