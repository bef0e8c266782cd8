import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createApp } from '../../src/app.js';
import { createTestDatabase, type TestDatabase } from '../test-database.js';
import { listen, type Listening } from '../listen.js';
import { buildWebApp, launchBrowser } from './browser.js';

let database: TestDatabase;
let server: Listening;
let browser: Browser;

beforeAll(async () => {
  const webDist = buildWebApp();
  database = await createTestDatabase();
  server = await listen(createApp({ handle: database, webDist }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.dispose();
});

describe('web shell in a real browser', () => {
  it('when the home page opens in Chinese, then it shows the service status from the API and switches to English', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('health-status').textContent()).toBe('正常');
    expect(await page.getByTestId('health-engine').textContent()).toBe(database.engine);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('button', { name: 'English' }).press('Enter');
    await expect.poll(() => page.getByTestId('health-status').textContent()).toBe('OK');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });
});
