/**
 * The analysis pages (compare, cohorts, ltv, roi, attribution, tiers, community, risk, readiness, goals) of the built web app in Debian's Chromium on
 * the demo workspace: each opens in zh-CN and English with its charts drawn and no console error,
 * axe-core finds no serious or critical violation, one number per page equals the API's, and the
 * segment export link downloads a file whose rows equal the tier's count.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openDemoSite, seriousViolations, type DemoSite } from './browser.js';

let site: DemoSite;

const LOCALES = ['zh-CN', 'en'] as const;

async function chartsReady(page: Page, atLeast: number) {
  await expect
    .poll(() => page.locator('[data-echart][data-chart-ready="true"]').count(), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(atLeast);
}

const run = browserAvailable('analysis pages e2e');

beforeAll(async () => {
  if (!run) return;
  site = await openDemoSite();
});
afterAll(() => site?.close());

describe.runIf(run)('the analysis pages in a real browser', () => {
  it.each(LOCALES)(
    'when the lead opens every analysis page in %s, then each draws, equals the API on one number, passes axe-core and logs no error',
    async (locale) => {
      const { context, errors } = await site.signedIn(locale);
      const page = await context.newPage();
      const latest = await site.api<{ freshness: { latestDataDay: string } }>(
        page,
        '/metrics/summary',
      );
      const to = latest.freshness.latestDataDay;
      const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      const window = `preset=custom&from=${from}&to=${to}`;

      // 公域 vs 私域: buyers, private, for the window in the URL
      await page.goto(`${site.url}/w/demo/compare?${window}&lang=${locale}`);
      await chartsReady(page, 3);
      const summary = await site.api<{ metrics: { buyers: { private: { value: number } } } }>(
        page,
        `/metrics/summary?from=${from}&to=${to}`,
      );
      expect(await page.getByTestId('compare-buyers-private').getAttribute('data-value')).toBe(
        String(summary.metrics.buyers.private.value),
      );
      expect(await seriousViolations(page), 'compare').toEqual([]);

      // cohorts: the picked cohort's size
      const cohorts = await site.api<{ cohorts: { cohort: string; size: number }[] }>(
        page,
        '/cohorts?basis=first_order&maxK=12',
      );
      const cohort = cohorts.cohorts.filter((c) => c.size > 0).at(-3)!;
      await page.goto(`${site.url}/w/demo/cohorts?cohort=${cohort.cohort}&lang=${locale}`);
      await chartsReady(page, 2);
      expect(await page.getByTestId('cohort-size').getAttribute('data-value')).toBe(
        String(cohort.size),
      );
      expect(await seriousViolations(page), 'cohorts').toEqual([]);

      // LTV: mean P(alive) of all customers
      await page.goto(`${site.url}/w/demo/ltv?lang=${locale}`);
      await chartsReady(page, 3);
      const predicted = await site.api<{ pAliveByGroup: { all: { meanPAlive: number | null } } }>(
        page,
        '/ltv/predicted',
      );
      expect(await page.getByTestId('p-alive-all').getAttribute('data-value')).toBe(
        String(predicted.pAliveByGroup.all.meanPAlive ?? ''),
      );
      expect(await seriousViolations(page), 'ltv').toEqual([]);

      // ROI: the private ROI of the formula
      await page.goto(`${site.url}/w/demo/roi?${window}&lang=${locale}`);
      await chartsReady(page, 4);
      const roi = await site.api<{ privateRoi: { value: number | null } }>(
        page,
        `/roi?from=${from}&to=${to}`,
      );
      expect(await page.getByTestId('roi-formula').getAttribute('data-value')).toBe(
        String(roi.privateRoi.value ?? ''),
      );
      expect(await seriousViolations(page), 'roi').toEqual([]);

      // attribution: private credited GMV summed over the window's months
      await page.goto(`${site.url}/w/demo/attribution?${window}&lang=${locale}`);
      await chartsReady(page, 1);
      const credited = await site.api<{ rows: { private: number }[] }>(
        page,
        `/attribution?from=${from}&to=${to}&grain=month`,
      );
      await expect.poll(() => page.getByTestId('guide-rate').count()).toBe(1);
      expect(await page.getByTestId('credited-total').getAttribute('data-value')).toBe(
        String(credited.rows.reduce((sum, r) => sum + r.private, 0)),
      );
      // and the repurchases credited to the private team, from the split by channel and order kind
      const split = await site.api<{ rows: { order: string; private: number }[] }>(
        page,
        `/attribution/split?from=${from}&to=${to}&grain=month`,
      );
      const repeatPrivate = split.rows
        .filter((r) => r.order === 'repeat')
        .reduce((sum, r) => sum + r.private, 0);
      await expect.poll(() => page.getByTestId('split-repeat-private').count()).toBe(1);
      expect(await page.getByTestId('split-repeat-private').getAttribute('data-value')).toBe(
        String(Math.round(repeatPrivate * 100) / 100),
      );
      expect(await seriousViolations(page), 'attribution').toEqual([]);

      // tiers: the potential tier's size
      await page.goto(`${site.url}/w/demo/tiers?lang=${locale}`);
      await chartsReady(page, 1);
      const tiers = await site.api<{ tiers: { tier: string; customers: number }[] }>(
        page,
        '/tiers',
      );
      const potential = tiers.tiers.find((t) => t.tier === 'potential')!;
      expect(await page.getByTestId('tier-potential-customers').getAttribute('data-value')).toBe(
        String(potential.customers),
      );
      expect(await seriousViolations(page), 'tiers').toEqual([]);

      // community: the largest group's members
      await page.goto(`${site.url}/w/demo/community?lang=${locale}`);
      await chartsReady(page, 2);
      const community = await site.api<{
        groups: { groupId: string; members: number; trend: { joins: number } }[];
      }>(page, '/community');
      const biggest = [...community.groups].sort((a, b) => b.members - a.members)[0]!;
      expect(
        await page.getByTestId(`group-${biggest.groupId}-members`).getAttribute('data-value'),
      ).toBe(String(biggest.members));
      // and its joins over the 4-week trend window
      expect(
        await page.getByTestId(`group-${biggest.groupId}-joins`).getAttribute('data-value'),
      ).toBe(String(biggest.trend.joins));
      expect(await seriousViolations(page), 'community').toEqual([]);

      // risk: the month's compliance rate, and the checker marks a sensitive word
      await page.goto(`${site.url}/w/demo/risk?${window}&lang=${locale}`);
      await chartsReady(page, 1);
      const risk = await site.api<{
        compliance: { value: number | null };
        redLines: { accountId: string; days: { crossed: string[] }[] }[];
      }>(page, `/risk?from=${from}&to=${to}`);
      expect(await page.getByTestId('compliance-rate').getAttribute('data-value')).toBe(
        String(risk.compliance.value ?? ''),
      );
      // the red-line chart's account: its days over a red line
      const crossed = page.getByTestId('red-line-crossed');
      const shownAccount = await crossed.getAttribute('data-account');
      const lines = risk.redLines.find((l) => l.accountId === shownAccount)!;
      expect(await crossed.getAttribute('data-value')).toBe(
        String(lines.days.filter((d) => d.crossed.length > 0).length),
      );
      await page.getByTestId('checker-text').fill('本周稳赚不赔，高收益理财');
      await page.getByTestId('checker-text').press('Tab');
      await page.locator('form.checker button[type=submit]').click();
      await expect
        .poll(() => page.getByTestId('checker-result').getAttribute('data-matches'))
        .toBe('3');
      expect(await page.locator('.checked-text mark').allTextContents()).toEqual([
        '稳赚',
        '高收益',
        '理财',
      ]);
      expect(await seriousViolations(page), 'risk').toEqual([]);

      // trends: private members at the end of the latest whole month, as GET …/membership has them
      await page.goto(`${site.url}/w/demo/trends?lang=${locale}`);
      const members = page.getByTestId('trend-private_members');
      await expect.poll(() => members.count(), { timeout: 30_000 }).toBe(1);
      const month = await members.getAttribute('data-period');
      const membership = await site.api<{ metrics: { private_members: { value: number } } }>(
        page,
        `/metrics/membership?month=${month}`,
      );
      expect(await members.getAttribute('data-value')).toBe(
        String(membership.metrics.private_members.value),
      );

      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(errors).toEqual([]);
      await context.close();
    },
    180_000,
  );

  it('when the lead saves a readiness assessment from the form, then the API holds it with the pre-action and the radar draws it', async () => {
    const { context, errors } = await site.signedIn('zh-CN');
    const page = await context.newPage();
    await page.goto(`${site.url}/w/demo/readiness`);
    await page.locator('.questionnaire select').first().waitFor();
    const before = await site.api<{
      history: unknown[];
      organisation: { stage: { stage: string } | null };
    }>(page, '/readiness');
    if (before.organisation.stage) {
      expect(await page.getByTestId('org-stage').getAttribute('data-value')).toBe(
        before.organisation.stage.stage,
      );
    }
    await page.locator('.questionnaire select').first().selectOption('4');
    await page.locator('.checklist input[type=checkbox]').first().check();
    await page.getByRole('button', { name: '保存自评' }).click();
    await chartsReady(page, 1);
    const after = await site.api<{
      history: unknown[];
      latest: { preActions: { done: string[] } } | null;
    }>(page, '/readiness');
    expect(after.history.length).toBe(before.history.length + 1);
    expect(after.latest!.preActions.done).toHaveLength(1);
    expect(await page.getByTestId('pre-actions-done').getAttribute('data-value')).toBe('1');
    expect(await seriousViolations(page), 'readiness').toEqual([]);
    await page.goto(`${site.url}/w/demo/readiness?lang=en`);
    await chartsReady(page, 1);
    expect(await seriousViolations(page), 'readiness en').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('when the lead creates, edits and deletes a goal on the goals page, then the API follows each step', async () => {
    const { context, errors } = await site.signedIn('en');
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${site.url}/w/demo/goals?lang=en`);
    await page.getByTestId('add-goal').click();
    await page.getByTestId('goal-target').fill('123456');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    type Goals = { goals: { id: number; metric: string; target: number }[] };
    await expect
      .poll(async () =>
        (await site.api<Goals>(page, '/goals')).goals.some((g) => g.target === 123456),
      )
      .toBe(true);
    const created = (await site.api<Goals>(page, '/goals')).goals.find((g) => g.target === 123456)!;
    expect(created.metric).toBe('gmv');
    await expect
      .poll(() => page.getByTestId(`goal-${created.id}-target`).getAttribute('data-value'))
      .toBe('123456');
    expect(await seriousViolations(page), 'goals').toEqual([]);

    const row = page.locator(`tr[data-goal="${created.id}"]`);
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('goal-target').fill('200000');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByTestId(`goal-${created.id}-target`).getAttribute('data-value'))
      .toBe('200000');
    expect(
      (await site.api<Goals>(page, '/goals')).goals.find((g) => g.id === created.id)!.target,
    ).toBe(200000);

    await row.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(async () =>
        (await site.api<Goals>(page, '/goals')).goals.some((g) => g.id === created.id),
      )
      .toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('when the lead downloads a tier from the export form, then the file has one row per customer of that tier', async () => {
    const { context, errors } = await site.signedIn('zh-CN');
    const page = await context.newPage();
    await page.goto(`${site.url}/w/demo/tiers`);
    await chartsReady(page, 1);
    const tiers = await site.api<{ tiers: { tier: string; customers: number }[] }>(page, '/tiers');
    const ordinary = tiers.tiers.find((t) => t.tier === 'ordinary')!;
    await page.getByTestId('export-tier').selectOption('ordinary');
    expect(await page.getByTestId('export-size').getAttribute('data-value')).toBe(
      String(ordinary.customers),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^demo-tier-ordinary-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('customer_external_id,tier,previous_tier');
    expect(lines.length - 1).toBe(ordinary.customers);
    expect(ordinary.customers).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
