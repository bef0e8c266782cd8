import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../src/bootstrap.js';
import { openDemoSite, type DemoSite } from '../e2e/browser.js';

let site: DemoSite;

beforeAll(async () => {
  site = await openDemoSite();
});
afterAll(() => site?.close());

/** Every CSP violation the page reports, and console errors that name the policy. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  // Runs in the page before its own scripts (as text: this file has no DOM types).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolation(event.violatedDirective + ' blocked ' + event.blockedURI + ' at ' + event.sourceFile));`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

describe('the built web app under the Content-Security-Policy', () => {
  it('when every page is opened signed in, then none reports a CSP violation', async () => {
    const login = await fetch(`${site.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_LOGIN),
    });
    const token = /yg_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(token).toBeTruthy();
    const context = await site.browser.newContext({ locale: 'zh-CN' });
    await context.addCookies([{ name: 'yg_session', value: token!, url: site.url }]);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    // The known pages, plus every same-origin link the app shows (so new pages are covered).
    const queue = ['/', '/login', '/w/demo', '/w/demo/review', '/w/demo/trends'];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < 30) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const response = await page.goto(`${site.url}${next}`, { waitUntil: 'networkidle' });
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      // The app rendered: React mounted something into #root.
      await expect.poll(() => page.locator('#root > *').count()).toBeGreaterThan(0);
      const links = await page.$$eval('a[href^="/"]', (as) =>
        as.map((a) => a.getAttribute('href') ?? ''),
      );
      for (const link of links) if (!seen.has(link) && !link.startsWith('/api')) queue.push(link);
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});
