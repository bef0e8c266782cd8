import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewFigure, ReviewResponse } from '@yugang/contract';
import { isoWeekOf } from '@yugang/contract';
import { addDays } from '@yugang/metrics';
import { startReviewDemo, type ReviewDemo } from './review-demo.fixture.js';
import { firstOrderDay } from './review.queries.js';

let demo: ReviewDemo;
let body: ReviewResponse;
const figure = (key: string): ReviewFigure => {
  const f = body.sections.flatMap((s) => s.figures).find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
};
const get = async (path: string) => {
  const res = await demo.t.call('get', `/workspaces/${demo.slug}${path}`, { as: demo.viewer });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const workspaceId = async () =>
  Number(
    (
      await demo.t.database.db
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', demo.slug)
        .executeTakeFirstOrThrow()
    ).id,
  );

beforeAll(async () => {
  demo = await startReviewDemo();
  const started = performance.now();
  body = await get('/review');
  console.log(`review of the demo: ${Math.round(performance.now() - started)} ms`);
}, 120_000);

afterAll(async () => {
  await demo?.t.close();
});

describe('GET /review', () => {
  it('when no week is given, then it is the last complete week up to the latest data day', () => {
    // The demo's data ends in the week of 2026-09-28, so the last complete week is W39.
    const latest = body.freshness.latestDataDay!;
    expect(latest >= '2026-09-27' && latest < '2026-10-04').toBe(true);
    expect(body.week).toBe('2026-W39');
    expect(body.window).toEqual({ from: '2026-09-21', to: '2026-09-28' });
    expect(body.previousWindow).toEqual({ from: '2026-09-14', to: '2026-09-21' });
    expect(body.yearAgoWindow).toEqual({ from: '2025-09-22', to: '2025-09-29' });
    expect(body.sections.map((s) => s.id)).toEqual([
      'gmv',
      'members',
      'customer_value',
      'economics',
      'team',
      'alerts',
    ]);
  });

  it('then every figure has 12 series points ending with the current value', () => {
    for (const f of body.sections.flatMap((s) => s.figures)) {
      expect(f.series, f.key).toHaveLength(12);
      expect(f.series.at(-1)!.value, f.key).toBe(f.current.value);
      expect(f.series.at(-2)!.value, f.key).toBe(f.previous.value);
    }
  });

  it('then the summary figures equal GET /metrics/summary for the same windows', async () => {
    const week = await get('/metrics/summary?week=2026-W39');
    for (const key of [
      'return_rate_private',
      'return_rate_public',
      'aov_private',
      'arpu_private',
    ]) {
      const f = figure(key);
      const [metric, segment] = [f.metric, f.segment as 'private' | 'public'];
      expect(f.current, key).toEqual(week.metrics[metric][segment]);
      expect(f.previous, key).toEqual(week.metrics[metric].previous[segment]);
    }
    const yearly = await get('/metrics/summary?from=2025-09-28&to=2026-09-28');
    for (const key of ['purchase_frequency_private', 'purchase_frequency_public']) {
      const f = figure(key);
      expect(f.window).toEqual({ from: '2025-09-28', to: '2026-09-28' });
      expect(f.current).toEqual(yearly.metrics.purchase_frequency[f.segment]);
    }
  });

  it('then credited GMV equals GET /attribution for the week', async () => {
    const a = await get('/attribution?grain=week&from=2026-09-21&to=2026-09-28');
    expect(a.rows).toHaveLength(1);
    expect(figure('credited_gmv_private').current.value).toBe(a.rows[0].private);
    expect(figure('credited_gmv_private_share').current.value).toBeCloseTo(
      a.rows[0].private / a.rows[0].total,
      12,
    );
  });

  it('then ROI and nurture cost equal GET /roi for the last whole month (costs are monthly)', async () => {
    const roi = await get('/roi?month=2026-08');
    const r = figure('private_roi');
    expect(r.window).toEqual({ from: '2026-08-01', to: '2026-09-01' });
    expect(r.current.value).toBe(roi.privateRoi.value);
    expect(r.current.numerator).toBe(roi.privateRoi.numerator);
    expect(figure('nurture_cost').current.value).toBe(roi.nurtureCost.cost.value);
    expect(figure('nurture_cost').goal).toMatchObject({
      source: 'ceiling',
      target: roi.nurtureCost.ceiling,
    });
  });

  it('then team KPIs equal GET /team-kpis for the week', async () => {
    const k = await get('/team-kpis?week=2026-W39');
    expect(figure('response_rate_48h').current.value).toBe(k.responseRate48h.value);
    expect(figure('response_rate_48h').current.denominator).toBe(k.responseRate48h.denominator);
    expect(figure('guide_rate').current.value).toBe(k.guideRate.value);
    expect(figure('guide_rate').goal).toMatchObject({ target: 0.05, source: 'catalog' });
  });

  it('then private members at the week end count the customers joined and not left by then', async () => {
    const at = new Date('2026-09-28T00:00:00+08:00');
    const row = await demo.t.database.db
      .selectFrom('customers')
      .innerJoin('workspaces', 'workspaces.id', 'customers.workspace_id')
      .where('workspaces.slug', '=', demo.slug)
      .where('customers.joined_private_at', '<', at)
      .where((eb) =>
        eb.or([
          eb('customers.left_private_at', 'is', null),
          eb('customers.left_private_at', '>=', at),
        ]),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(figure('private_members').current.value).toBe(Number(row.n));
    expect(figure('private_members').current.value).toBeGreaterThan(0);
  });

  it('then new private members in each week count the customers who joined in it', async () => {
    const f = figure('new_private_members');
    for (const [i, w] of f.series.entries()) {
      const from = new Date(`${w.period}T00:00:00+08:00`);
      const row = await demo.t.database.db
        .selectFrom('customers')
        .innerJoin('workspaces', 'workspaces.id', 'customers.workspace_id')
        .where('workspaces.slug', '=', demo.slug)
        .where('customers.joined_private_at', '>=', from)
        .where('customers.joined_private_at', '<', new Date(from.getTime() + 7 * 86_400_000))
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect([i, w.value]).toEqual([i, Number(row.n)]);
    }
    expect(f.series.some((p) => (p.value ?? 0) > 0)).toBe(true);
  });

  it('then insights are 3 to 5 sentences in both languages naming their figures', () => {
    expect(body.insights.length).toBeGreaterThanOrEqual(3);
    expect(body.insights.length).toBeLessThanOrEqual(5);
    for (const i of body.insights) {
      expect(i.text['zh-CN']).not.toBe('');
      expect(i.text.en).not.toBe('');
      expect(i.figures.length).toBeGreaterThan(0);
    }
  });

  it('when the same week last year is before the first order, then 同比 is null', async () => {
    const first = await firstOrderDay(demo.t.database.db, await workspaceId());
    const early: ReviewResponse = await get(`/review?week=${isoWeekOf(addDays(first!, 21))}`);
    for (const f of early.sections.flatMap((s) => s.figures)) expect(f.yearAgo, f.key).toBeNull();
    expect(figure('credited_gmv_private').yearAgo).not.toBeNull();
  });

  it('when the week is not an ISO week, then 400; a viewer of another workspace gets 404', async () => {
    const bad = await demo.t.call('get', `/workspaces/${demo.slug}/review?week=2026-W60`, {
      as: demo.viewer,
    });
    expect(bad.status).toBe(400);
    const other = await demo.t.call('get', `/workspaces/${demo.slug}/review`, { as: 'viewer' });
    expect(other.status).toBe(404);
  });
});
