import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createApp } from '../../src/app.js';
import { DEMO_LOGIN } from '../../src/bootstrap.js';
import { listen, type Listening } from '../listen.js';
import { oncePerRun } from '../run-once.js';
import { createTestDatabase, type TestDatabase } from '../test-database.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webRoot = fileURLToPath(new URL('../../../web', import.meta.url));

/**
 * Whether browser tests can run. Without Chromium they skip with a notice; with CI=true a missing
 * browser is a failure, so CI never passes by skipping them.
 */
export function browserAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `${suite}: Chromium not found at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
  return false;
}

/** axe-core's source, to inject into a page (it is a dependency of the web app). */
export function axeSource(): string {
  const require = createRequire(path.join(webRoot, 'package.json'));
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The web app built as `pnpm start` builds it, once per test run (../run-once.ts): every browser
 * test file serves the same build.
 */
export function builtWebApp(): Promise<string> {
  return oncePerRun('web-dist', async (outDir) => {
    execFileSync(
      'pnpm',
      ['exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: webRoot, stdio: 'inherit' },
    );
  });
}

export interface WatchedContext {
  context: BrowserContext;
  /** Console errors and uncaught page errors of every page opened in the context. */
  errors: string[];
}

/**
 * A fresh context (its own cookies) whose pages record console errors, except those `allow`
 * matches (e.g. the 401 of the session check before sign-in).
 */
export async function watchedContext(
  browser: Browser,
  locale: string,
  options: { allow?: RegExp[] } = {},
): Promise<WatchedContext> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (options.allow?.some((a) => a.test(text))) return;
      errors.push(text);
    });
    page.on('pageerror', (error) => errors.push(String(error)));
  });
  return { context, errors };
}

/** The 401 the web app's session check gets before anyone has signed in. */
export const BEFORE_SIGN_IN = /status of 401/;

export interface Login {
  email: string;
  password: string;
}

/** Signs the context in through the API, as the login form would, without opening a page. */
export async function signInThroughApi(
  context: BrowserContext,
  serverUrl: string,
  login: Login,
): Promise<void> {
  const answer = await context.request.post(`${serverUrl}/api/v1/auth/login`, { data: login });
  expect(answer.status()).toBe(200);
}

/** Signs in through the login form, its labels in the page's language, and lands on the review. */
export async function signInThroughForm(
  page: Page,
  serverUrl: string,
  login: Login,
  labels: readonly [email: string, password: string, submit: string],
): Promise<void> {
  await page.goto(serverUrl);
  await page.waitForURL(/\/login/);
  await page.getByLabel(labels[0]).fill(login.email);
  await page.getByLabel(labels[1]).fill(login.password);
  await page.getByRole('button', { name: labels[2], exact: true }).click();
  await page.waitForURL(/\/w\/demo\/review/);
}

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  })()`);
}

/**
 * What a browser test file runs against: the built web app served by the real app on its own
 * 1,500-customer demo database, and Chromium. `close` releases all three.
 */
export interface DemoSite {
  url: string;
  database: TestDatabase;
  browser: Browser;
  /** A signed-in (demo login) context whose pages record console errors. */
  signedIn(locale: string): Promise<WatchedContext>;
  /** GET …/workspaces/demo{path} with the page's session, asserting 200. */
  api<T>(page: Page, path: string): Promise<T>;
  close(): Promise<void>;
}

export async function openDemoSite(): Promise<DemoSite> {
  const webDist = await builtWebApp();
  const database = await createTestDatabase({ demoCustomers: 1500 });
  let server: Listening | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    await database.dispose();
  };
  try {
    server = await listen(createApp({ handle: database, webDist }));
    browser = await launchBrowser();
  } catch (error) {
    await close();
    throw error;
  }
  const url = server.url;
  const opened = browser;
  return {
    url,
    database,
    browser: opened,
    async signedIn(locale) {
      const watched = await watchedContext(opened, locale);
      await signInThroughApi(watched.context, url, DEMO_LOGIN);
      return watched;
    },
    async api<T>(page: Page, path: string) {
      const res = await page.request.get(`${url}/api/v1/workspaces/demo${path}`);
      expect(res.status(), path).toBe(200);
      return (await res.json()) as T;
    },
    close,
  };
}
