/**
 * `pnpm screenshots`: builds the web app, starts the server on a scratch PGlite demo, signs in and
 * writes PNGs of the review and trends pages in zh-CN and English, at 1440 px and at 375 px
 * (a phone), to docs/screenshots/. Needs Debian's chromium and fonts-noto-cjk. Names given
 * (`pnpm screenshots trends goals`) limit it to those pages. The demo gets members and credited-GMV
 * goals and an annotation first, so the trend charts show goal lines and a marker as a team's would.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const api = path.join(root, 'apps/api');
const out = path.join(root, 'docs/screenshots');
const require = createRequire(path.join(api, 'package.json'));
const { chromium } = require('playwright-core') as typeof import('playwright-core');

const PAGES = [
  { name: 'review', path: '/w/demo/review', charts: 4 },
  { name: 'trends', path: '/w/demo/trends', charts: 4 },
  { name: 'compare', path: '/w/demo/compare', charts: 3 },
  { name: 'cohorts', path: '/w/demo/cohorts', charts: 1 },
  { name: 'ltv', path: '/w/demo/ltv', charts: 3 },
  { name: 'roi', path: '/w/demo/roi', charts: 4 },
  { name: 'attribution', path: '/w/demo/attribution', charts: 1 },
  { name: 'incrementality', path: '/w/demo/incrementality', charts: 1 },
  { name: 'tiers', path: '/w/demo/tiers', charts: 1 },
  { name: 'data', path: '/w/demo/data', charts: 0 },
  { name: 'settings', path: '/w/demo/settings', charts: 0 },
  { name: 'community', path: '/w/demo/community', charts: 2 },
  { name: 'risk', path: '/w/demo/risk', charts: 1 },
  { name: 'readiness', path: '/w/demo/readiness', charts: 0 },
  { name: 'goals', path: '/w/demo/goals', charts: 0 },
] as const;
const ONLY = process.argv.slice(2);
const LOCALES = ['zh-CN', 'en'] as const;
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900, scale: 1 },
  { name: 'phone', width: 375, height: 812, scale: 2 },
] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function monthStart(day: string, months: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Goals for members at month end, new members and credited GMV over the last three months, and one annotation. */
async function seedMarks(base: string, token: string): Promise<void> {
  const headers = { 'content-type': 'application/json', cookie: `yg_session=${token}` };
  const ws = `${base}/api/v1/workspaces/demo`;
  const trend = (await (await fetch(`${ws}/metrics/membership/trend`, { headers })).json()) as {
    points: { private_members: { value: number }; new_private_members: { value: number } }[];
    freshness: { latestDataDay: string };
  };
  const latest = trend.freshness.latestDataDay;
  const last = trend.points.at(-2) ?? trend.points.at(-1)!;
  const from = monthStart(latest, -2);
  const to = monthStart(latest, 1);
  const attribution = (await (
    await fetch(
      `${ws}/attribution?grain=month&from=${monthStart(latest, -1)}&to=${monthStart(latest, 0)}`,
      {
        headers,
      },
    )
  ).json()) as { rows: { private: number }[] };
  const credited = attribution.rows.at(-1)?.private ?? 0;
  const marks = [
    [
      'goals',
      {
        metric: 'private_members',
        segment: 'private',
        periodStart: from,
        periodEnd: to,
        target: Math.round(last.private_members.value * 1.15),
        purpose: '季度会员目标',
      },
    ],
    [
      'goals',
      {
        metric: 'new_private_members',
        segment: 'private',
        periodStart: from,
        periodEnd: to,
        target: 3 * Math.round(last.new_private_members.value * 1.2),
        purpose: '季度拉新目标',
      },
    ],
    [
      'goals',
      {
        metric: 'credited_gmv',
        segment: 'private',
        periodStart: from,
        periodEnd: to,
        target: 3 * Math.round(credited * 1.1),
        purpose: '季度私域业绩目标',
      },
    ],
    ['annotations', { date: `${monthStart(latest, -3).slice(0, 7)}-15`, text: '社群拉新活动' }],
  ] as const;
  for (const [kind, body] of marks) {
    const res = await fetch(`${ws}/${kind}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`seeding ${kind} failed: ${res.status} ${await res.text()}`);
  }
}

async function main() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-screenshots-'));
  const dist = path.join(scratch, 'web');
  console.log('building the web app…');
  execFileSync(
    'pnpm',
    ['exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    },
  );
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log('starting the server on a scratch demo…');
  const server = spawn(path.join(api, 'node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: api,
    env: {
      ...process.env,
      DATABASE_URL: '',
      YUGANG_DATA_DIR: path.join(scratch, 'data'),
      YUGANG_WEB_DIST: dist,
      YUGANG_DEMO: 'auto',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await waitFor(`${base}/api/v1/health`, 300);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@yugang.local', password: 'yugang-demo' }),
    });
    const token = /yg_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (!token) throw new Error(`demo login failed: ${login.status}`);
    await seedMarks(base, token);
    mkdirSync(out, { recursive: true });
    for (const viewport of VIEWPORTS) {
      for (const locale of LOCALES) {
        const context = await browser.newContext({
          locale,
          viewport: { width: viewport.width, height: viewport.height },
          deviceScaleFactor: viewport.scale,
          // the wait below is evaluated from a string, which the app's CSP forbids
          bypassCSP: true,
        });
        await context.addCookies([{ name: 'yg_session', value: token, url: base }]);
        const page = await context.newPage();
        for (const p of PAGES.filter((p) => ONLY.length === 0 || ONLY.includes(p.name))) {
          await page.goto(`${base}${p.path}?lang=${locale}`);
          await page.waitForFunction(
            `document.querySelector('#content .page') && !document.querySelector('.state--loading') &&
             document.querySelectorAll('[data-echart]').length >= ${p.charts} &&
             [...document.querySelectorAll('[data-echart]')].every((c) => c.dataset.chartReady === 'true')`,
            undefined,
            { timeout: 60_000 },
          );
          await page.waitForTimeout(300);
          const file = path.join(out, `${p.name}-${locale}-${viewport.name}.png`);
          // a phone page is long: the first screens show what a reader on a phone sees
          const clip =
            viewport.name === 'phone'
              ? { x: 0, y: 0, width: viewport.width, height: 1800 }
              : undefined;
          await page.screenshot({ path: file, fullPage: true, clip });
          console.log(`wrote ${path.relative(root, file)}`);
        }
        await context.close();
      }
    }
    if (ONLY.length > 0 && !ONLY.includes('review')) return;
    // 周会模式 on a 1080p projector: the third slide with speaker notes open
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1920, height: 1080 },
      bypassCSP: true,
    });
    await context.addCookies([{ name: 'yg_session', value: token, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/w/demo/review?present=1&lang=zh-CN`);
    await page.waitForSelector('[data-testid=present]', { timeout: 60_000 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('n');
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-echart]')].every((c) => c.dataset.chartReady === 'true')`,
    );
    const file = path.join(out, 'review-present-zh-CN.png');
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(root, file)}`);
    await context.close();
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
