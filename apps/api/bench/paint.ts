/**
 * Paint bench (the web app's part of `pnpm bench`; alone: `pnpm --filter @yugang/web bench`): how
 * long each page of the web app takes from navigation start until its data is painted, in Debian's
 * Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH), on a fresh build of the web app
 * served by the real server (PGlite: `pnpm start`'s startServer with its warm-up; PostgreSQL: the
 * app on the database as it is, see main()).
 *
 *   pnpm --filter @yugang/web bench                 # the default demo on PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/yugang_bench pnpm --filter @yugang/web bench
 *   (optional: PAINT_RUNS=5, PAINT_PAGES=review,roi, PAINT_DATA_DIR=<PGlite folder>,
 *   BENCH_SLUG=demo, PAINT_EMAIL / PAINT_PASSWORD (default: the demo login), PAINT_TRACE=0)
 *
 * "Painted with data" is the page's `yugang:data-painted` performance mark (lib/page-ready.ts):
 * set in the frame after the page's data is in and every chart has drawn (ECharts' `finished`),
 * the moment `body[data-ready]` appears. Each run opens a new browser context (empty HTTP cache)
 * and visits every page twice: the first visit loads the JavaScript over the network, the second
 * (warm) finds it in the browser's cache and the answers in the server's cache. Printed per page:
 * the median and max over the runs of both visits, the load average, and (PAINT_TRACE) the last
 * warm visit's timeline: when the scripts finished and when each API request started and ended,
 * which shows any request that waits for another.
 *
 * Budgets (issues 10 and 11): every page ≤ 1.5 s on the default demo; ≤ 2.5 s warm at 3M
 * customers on PostgreSQL. Without Chromium it says so and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { DEMO_LOGIN } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { addMember } from '../src/features/members/add-member.js';
import { createLogger } from '../src/lib/logger.js';
import { startServer } from '../src/server.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { listen } from '../test/listen.js';

const PAGES = [
  'review',
  'trends',
  'compare',
  'cohorts',
  'ltv',
  'roi',
  'attribution',
  'community',
  'risk',
  'tiers',
  'incrementality',
  'goals',
  'readiness',
] as const;

const RUNS = Number(process.env.PAINT_RUNS ?? 5);
const slug = process.env.BENCH_SLUG ?? 'demo';
const pages = process.env.PAINT_PAGES ? process.env.PAINT_PAGES.split(',') : [...PAGES];
const trace = process.env.PAINT_TRACE !== '0';
const login = {
  email: process.env.PAINT_EMAIL ?? DEMO_LOGIN.email,
  password: process.env.PAINT_PASSWORD ?? DEMO_LOGIN.password,
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = 120_000;

/** The web app built as `pnpm start` builds it, into a fresh folder. */
function buildWebApp(): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'yugang-paint-web-'));
  execFileSync('pnpm', ['exec', 'vite', 'build', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: fileURLToPath(new URL('../../web', import.meta.url)),
    stdio: 'inherit',
  });
  return outDir;
}

interface Visit {
  ms: number;
  timeline: string;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** One navigation: ms from navigation start to the data-painted mark, and what was fetched when. */
async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: TIMEOUT_MS, state: 'attached' });
  const result = await page.evaluate(() => {
    const mark = performance.getEntriesByName('yugang:data-painted')[0];
    // the DOM's PerformanceResourceTiming (this file is type-checked without the DOM lib)
    const resources = performance.getEntriesByType('resource') as unknown as {
      name: string;
      initiatorType: string;
      startTime: number;
      responseEnd: number;
    }[];
    const scripts = resources.filter((r) => r.initiatorType === 'script' || /\.js$/.test(r.name));
    const scriptsDone = Math.max(0, ...scripts.map((r) => r.responseEnd));
    const api = resources
      .filter((r) => r.name.includes('/api/v1/'))
      .map((r) => {
        const u = new URL(r.name);
        const name = u.pathname.replace(/^\/api\/v1\/(workspaces\/[^/]+\/)?/, '');
        const query = u.search.length > 1 ? `?${decodeURIComponent(u.search.slice(1))}` : '';
        return `${name}${query.length > 40 ? `${query.slice(0, 40)}…` : query} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)}`;
      });
    return {
      ms: mark ? mark.startTime : Number.NaN,
      timeline: `js ${scripts.length} files done ${Math.round(scriptsDone)} ms; ${api.join('; ')}`,
    };
  });
  return result;
}

async function signIn(context: BrowserContext, base: string) {
  const answer = await context.request.post(`${base}/api/v1/auth/login`, {
    data: login,
    headers: { origin: base },
  });
  if (!answer.ok()) throw new Error(`sign-in failed: ${answer.status()} ${await answer.text()}`);
}

/**
 * A database loaded by `yg demo` alone (the 3M bench) has no user: the bench's login is added
 * as a viewer of the workspace, through the app's own member code, and said so.
 */
async function ensureLogin(url: string) {
  const handle = await openDatabase({ url, poolSize: 1 });
  try {
    const user = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', login.email)
      .executeTakeFirst();
    if (user) return;
    const workspace = await handle.db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await addMember(handle.db, { ...login, workspaceId: workspace.id, role: 'viewer' });
    console.log(
      `paint bench: added ${login.email} as a viewer of ${slug} (the database had no such user)`,
    );
  } finally {
    await handle.close();
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(`paint bench: Chromium not found at ${CHROMIUM}; skipped`);
    return;
  }
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const dataDir = process.env.PAINT_DATA_DIR ?? path.join(tmpdir(), 'yugang-paint-pglite');
  if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  console.log(`paint bench: building the web app… (load ${load()})`);
  const webDist = buildWebApp();
  const started = Date.now();
  // PGlite: the real server (`pnpm start`'s startServer: migrations, the demo on first use, the
  // warm-up). PostgreSQL: the app on the database as it is, with no migration and no warm-up, so
  // the bench never changes a shared database's schema (the 3M bench is measured warm anyway).
  let server: { url: string; close(): Promise<void> };
  if (process.env.DATABASE_URL) {
    await ensureLogin(process.env.DATABASE_URL);
    const handle = await openDatabase({ url: process.env.DATABASE_URL });
    const listening = await listen(createApp({ handle, webDist }));
    server = {
      url: listening.url,
      close: async () => {
        await listening.close();
        await handle.close();
      },
    };
  } else {
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      YUGANG_DATA_DIR: dataDir,
      YUGANG_WEB_DIST: webDist,
      WEB_CONCURRENCY: '1',
    });
    server = await startServer(config, createLogger({ level: 'warn' }));
  }
  console.log(
    `paint bench: ${engine}${process.env.DATABASE_URL ? '' : ` (${dataDir})`}, workspace ${slug}, server up in ${seconds(Date.now() - started)} s; ${RUNS} runs × ${pages.length} pages, two visits each`,
  );
  const browser = await launchBrowser();
  const first = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  const timelines = new Map<string, string>();
  const loads = new Map<string, string>();
  try {
    for (let run = 0; run < RUNS; run += 1) {
      for (const name of pages) {
        const context = await browser.newContext({
          locale: 'zh-CN',
          viewport: { width: 1440, height: 900 },
          bypassCSP: true,
        });
        try {
          await signIn(context, server.url);
          const page = await context.newPage();
          const url = `${server.url}/w/${slug}/${name}`;
          const a = await visit(page, url);
          const b = await visit(page, url);
          first.set(name, [...(first.get(name) ?? []), a.ms]);
          warm.set(name, [...(warm.get(name) ?? []), b.ms]);
          timelines.set(name, b.timeline);
          if (run === 0) timelines.set(`${name}:first`, a.timeline);
          loads.set(name, load());
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const budget = process.env.DATABASE_URL ? 2500 : 1500;
  console.log(
    `\npainted with data, ms from navigation start (budget ${budget} ms ${process.env.DATABASE_URL ? 'warm' : ''}); median / max of ${RUNS}`,
  );
  console.log(
    `${'page'.padEnd(15)} ${'first visit'.padStart(13)} ${'warm visit'.padStart(13)} ${'very first'.padStart(10)}  load`,
  );
  for (const name of pages) {
    const f = first.get(name) ?? [];
    const w = warm.get(name) ?? [];
    const over = median(w) > budget ? ' OVER' : '';
    console.log(
      `${name.padEnd(15)} ${`${Math.round(median(f))} / ${Math.round(Math.max(...f))}`.padStart(13)} ${`${Math.round(median(w))} / ${Math.round(Math.max(...w))}`.padStart(13)} ${String(Math.round(f[0] ?? Number.NaN)).padStart(10)}  ${loads.get(name)}${over}`,
    );
  }
  if (trace) {
    console.log(
      '\ntimelines (ms from navigation start): the very first visit, then the last warm one',
    );
    for (const name of pages) {
      console.log(`${name} first: ${timelines.get(`${name}:first`)}`);
      console.log(`${name} warm:  ${timelines.get(name)}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
