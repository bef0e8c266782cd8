/**
 * The incrementality page of the built web app in Debian's Chromium on the demo workspace: in
 * zh-CN and English the matched lift, its interval and the naive gap equal the API's, the forest
 * chart draws, the months selector reaches the URL and the API, an imported A/B holdout shows its
 * lift and sample-ratio check, the planner answers what the API answers; no console error and no
 * serious or critical axe-core violation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { experimentsContract, IncrementalityResponse, ResponseOf } from '@yugang/contract';
import { browserAvailable, openDemoSite, seriousViolations, type DemoSite } from './browser.js';

let site: DemoSite;

const LOCALES = ['zh-CN', 'en'] as const;
const EXPERIMENT = 'X-e2e-holdout';

/** An A/B assignment of 200 demo customers (a fifth held out), imported as a lead would. */
async function importExperiment(page: Page): Promise<void> {
  const customers = await site.database.db
    .selectFrom('customers')
    .select('external_id')
    .orderBy('id')
    .limit(200)
    .execute();
  const rows = customers.map(
    (c, i) =>
      `${EXPERIMENT},${c.external_id},${i % 5 === 0 ? 'holdout' : 'treatment'},2026-01-05 09:00`,
  );
  const csv = ['experiment_id,customer_id,arm,assigned_at', ...rows].join('\n');
  const res = await page.request.post(`${site.url}/api/v1/workspaces/demo/imports/experiments`, {
    headers: { 'content-type': 'text/csv' },
    data: Buffer.from(csv),
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  await expect
    .poll(
      async () =>
        (await site.api<ResponseOf<typeof experimentsContract.list>>(page, '/experiments'))
          .experiments.length,
      { timeout: 60_000 },
    )
    .toBe(1);
}

const run = browserAvailable('incrementality e2e');

beforeAll(async () => {
  if (!run) return;
  site = await openDemoSite();
});
afterAll(() => site?.close());

describe.runIf(run)('the incrementality page in a real browser', () => {
  it.each(LOCALES)(
    'when the lead opens it in %s, then the lift equals the API, the chart draws, months and the experiment work, axe-clean, no console error',
    async (locale) => {
      const { context, errors } = await site.signedIn(locale);
      const page = await context.newPage();
      const experiments = await site.api<ResponseOf<typeof experimentsContract.list>>(
        page,
        '/experiments',
      );
      if (!experiments.experiments.some((e) => e.experimentId === EXPERIMENT))
        await importExperiment(page);

      await page.goto(`${site.url}/w/demo/incrementality?lang=${locale}`);
      const inc = await site.api<IncrementalityResponse>(page, '/incrementality?months=6');
      expect(inc.matched.members).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator('[data-echart][data-chart-ready="true"]').count(), {
          timeout: 60_000,
        })
        .toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('lift-grossProfit').getAttribute('data-value')).toBe(
        String(inc.matched.perMember.grossProfit.estimate),
      );
      expect(await page.getByTestId('lift-orders').getAttribute('data-value')).toBe(
        String(inc.matched.perMember.orders.estimate),
      );
      expect(await page.getByTestId('incrementality-summary').textContent()).toBe(
        inc.summary[locale],
      );
      expect(await page.getByTestId('unmatched').textContent()).toBe(
        inc.matched.unmatched.toLocaleString('en-US'),
      );
      await expect
        .poll(() => page.getByTestId('balance-table').locator('tbody tr').count())
        .toBe(inc.balance.length);

      // the experiment: its lift table and the split check
      await expect
        .poll(() => page.getByTestId('experiment-lift').locator('tbody tr').count(), {
          timeout: 30_000,
        })
        .toBe(4);
      const experiment = await site.api<ResponseOf<typeof experimentsContract.get>>(
        page,
        `/experiments/${EXPERIMENT}`,
      );
      expect(experiment.treatment.customers + experiment.holdout.customers).toBe(200);
      expect(await page.getByTestId('sample-ratio').textContent()).toContain(
        `${(experiment.sampleRatio.observedHoldoutShare! * 100).toFixed(1)}%`,
      );

      // the planner: what the API answers for the form's defaults
      const plan = await site.api<ResponseOf<typeof experimentsContract.plan>>(
        page,
        '/experiments/plan?baseline=0.1&lift=0.2&holdoutShare=0.2&weeklyEligible=500',
      );
      await expect
        .poll(() => page.getByTestId('plan-customers').textContent())
        .toBe(plan.customers.toLocaleString('en-US'));
      expect(await seriousViolations(page)).toEqual([]);

      // months: the selector writes the URL and the page asks the API for those months
      const twelve = page.waitForResponse((r) => r.url().includes('/incrementality?months=12'));
      await page.getByRole('radio', { name: locale === 'zh-CN' ? '12 个月' : '12 months' }).check();
      await twelve;
      await expect.poll(() => new URL(page.url()).searchParams.get('months')).toBe('12');
      const inc12 = await site.api<IncrementalityResponse>(page, '/incrementality?months=12');
      await expect
        .poll(() => page.getByTestId('lift-grossProfit').getAttribute('data-value'), {
          timeout: 60_000,
        })
        .toBe(String(inc12.matched.perMember.grossProfit.estimate));

      expect(errors).toEqual([]);
      await context.close();
    },
    240_000,
  );
});
