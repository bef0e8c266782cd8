/**
 * The review as PDF: headless Chromium (Debian's, driven by playwright-core) prints the web
 * app's own review page (`/w/{ws}/review?week=&lang=&print=1`) as A4 landscape, so the PDF is
 * the page the lead presents, one section per page by the page's print stylesheet.
 *
 * The browser signs in as the caller: a session of the caller's user is minted for the print
 * and deleted right after, so nobody else's access changes. The page says it has painted its
 * data with `document.body.dataset.ready === 'true'`.
 */
/* eslint-disable import-x/no-restricted-paths -- the print needs a session of the caller, which auth owns */
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions.js';

/** CHROMIUM_PATH's default (config.ts). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** How long the page may take to paint its data before the print gives up. */
const READY_TIMEOUT_MS = 15_000;
/** The browser stays up this long after a print, so a second PDF skips the ~1 s launch. */
const IDLE_CLOSE_MS = 60_000;

export const chromiumAvailable = (chromiumPath = DEFAULT_CHROMIUM_PATH): boolean =>
  existsSync(chromiumPath);

export interface PrintRequest {
  db: Kysely<Database>;
  /** The app's own origin as seen from this machine, e.g. http://127.0.0.1:3000. */
  origin: string;
  workspaceSlug: string;
  week: string;
  lang: string;
  /** The caller; API keys have no user and cannot print the page. */
  userId: number | null;
  /** The browser (CHROMIUM_PATH). */
  chromiumPath: string;
}

type Browser = Awaited<ReturnType<typeof import('playwright-core').chromium.launch>>;

// Two cores are shared with the rest of the server: one print at a time, one browser.
let queue: Promise<unknown> = Promise.resolve();
let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | undefined;

async function sharedBrowser(chromiumPath: string): Promise<Browser> {
  clearTimeout(idle);
  if (!browser) {
    const { chromium } = await import('playwright-core');
    const launched = chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
    browser = launched;
    launched.then(
      (b) => b.on('disconnected', () => (browser = browser === launched ? null : browser)),
      () => (browser = null),
    );
  }
  return browser;
}

function closeWhenIdle(): void {
  clearTimeout(idle);
  idle = setTimeout(() => void closeReviewBrowser(), IDLE_CLOSE_MS);
  idle.unref();
}

/** Closes the shared print browser (on shutdown, and in tests). */
export async function closeReviewBrowser(): Promise<void> {
  clearTimeout(idle);
  const current = browser;
  browser = null;
  await (await current?.catch(() => null))?.close();
}

export function reviewPdf(request: PrintRequest): Promise<Buffer> {
  const run = queue.then(() => print(request));
  queue = run.catch(() => undefined);
  return run;
}

async function print({
  db,
  origin,
  workspaceSlug,
  week,
  lang,
  userId,
  chromiumPath,
}: PrintRequest): Promise<Buffer> {
  if (!chromiumAvailable(chromiumPath)) {
    throw new AppError(
      501,
      'pdf_unavailable',
      `no Chromium on this server (${chromiumPath}): install chromium and fonts-noto-cjk, or print the review page from the browser`,
    );
  }
  if (userId === null) {
    throw new AppError(
      422,
      'session_required',
      'the PDF prints the review page as a signed-in user; with an API key, download review.pptx or the chart PNGs',
    );
  }
  const pageUrl = `${origin}/w/${encodeURIComponent(workspaceSlug)}/review?${new URLSearchParams({ week, lang, print: '1' })}`;
  const shell = await fetch(pageUrl).catch(() => null);
  if (!shell?.ok || !(shell.headers.get('content-type') ?? '').includes('text/html')) {
    throw new AppError(
      501,
      'pdf_unavailable',
      'this server does not serve the web app (build apps/web), so there is no page to print',
    );
  }
  const { token } = await createSession(db, userId);
  let context: Awaited<ReturnType<Browser['newContext']>> | undefined;
  try {
    context = await (
      await sharedBrowser(chromiumPath)
    ).newContext({
      viewport: { width: 1400, height: 990 },
      locale: lang,
    });
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: origin, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    await page.goto(pageUrl);
    try {
      // A selector, not a script: the app's CSP forbids evaluating strings.
      await page.waitForSelector('body[data-ready="true"]', {
        state: 'attached',
        timeout: READY_TIMEOUT_MS,
      });
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error;
      throw new AppError(504, 'pdf_timeout', 'the review page did not finish rendering in time');
    }
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await context?.close();
    await deleteSession(db, token);
    closeWhenIdle();
  }
}
