import {
  creditedGmvByPeriod,
  customerValueMetrics,
  fenToYuan,
  retentionTriangle,
} from '@yugang/metrics';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import {
  datasetArb,
  loadDatasetInto,
  TEST_TIME_ZONE,
  type Dataset,
} from '../../read-model/test-data.js';

let t: TestApp;
let data: Dataset;
const base = () => `/workspaces/${t.fixture.workspace.slug}`;

beforeAll(async () => {
  t = await startTestApp({ slug: 'rm-http' });
  data = fc
    .sample(datasetArb, { seed: 7, numRuns: 30 })
    .reduce((a, b) => (b.orders.length > a.orders.length ? b : a));
  await loadDatasetInto(t.database, t.fixture.workspace.id, data);
  await rebuildReadModel(t.database, t.fixture.workspace.id);
});
afterAll(async () => {
  await t.close();
});

describe('dashboard endpoints over HTTP', () => {
  it('when a viewer asks for the summary, then every metric matches the oracle in yuan, with the previous window', async () => {
    const window = { from: '2024-01-10', to: '2024-02-20' };
    const answer = await t.call(
      'GET',
      `${base()}/metrics/summary?from=${window.from}&to=${window.to}`,
      {
        as: 'viewer',
      },
    );
    expect(answer.status).toBe(200);
    const expected = customerValueMetrics({
      customers: data.customers,
      orders: data.orders,
      window,
      timeZone: TEST_TIME_ZONE,
      settings: { defaultMargin: 0 },
    });
    expect(answer.body.window).toEqual(window);
    expect(answer.body.previousWindow).toEqual({ from: '2023-11-30', to: '2024-01-10' });
    expect(answer.body.source.current).toBe('customer_day');
    expect(answer.body.metrics.buyers.all).toEqual(expected.buyers.all);
    expect(answer.body.metrics.gmv.private.value).toBe(fenToYuan(expected.gmv.private.numerator));
    expect(answer.body.metrics.repeat_purchase_rate.public).toEqual(
      expected.repeat_purchase_rate.public,
    );
    expect(answer.body.metrics.aov.all.denominator).toBe(expected.aov.all.denominator);
    expect(Object.keys(answer.body.metrics.orders.previous)).toEqual(['public', 'private', 'all']);
  });

  it('when trends are asked by month, then each point is that month as a window', async () => {
    const answer = await t.call(
      'GET',
      `${base()}/metrics/trends?metric=orders&grain=month&from=2024-01-01&to=2024-04-01`,
      { as: 'viewer' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.points.map((p: { period: string }) => p.period)).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
    ]);
    const february = customerValueMetrics({
      customers: data.customers,
      orders: data.orders,
      window: { from: '2024-02-01', to: '2024-03-01' },
      timeZone: TEST_TIME_ZONE,
      settings: { defaultMargin: 0 },
    });
    expect(answer.body.points[1].private).toEqual(february.orders.private);
    expect(answer.body.goals).toEqual([]);
  });

  it('when the retention triangle is asked, then it equals the oracle', async () => {
    const answer = await t.call('GET', `${base()}/cohorts?basis=first_order`, { as: 'viewer' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      retentionTriangle({
        customers: data.customers,
        orders: data.orders,
        basis: 'first_order',
        timeZone: TEST_TIME_ZONE,
      }),
    );
  });

  it('when LTV is asked, then cohorts come with sizes per group and yuan cells', async () => {
    const answer = await t.call('GET', `${base()}/ltv?basis=first_order&measure=gmv&maxK=2`, {
      as: 'viewer',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.cohorts.length).toBeGreaterThan(0);
    const first = answer.body.cohorts[0];
    expect(first.size.all).toBe(first.size.public + first.size.private);
    expect(first.cells.all.length).toBeLessThanOrEqual(3);
  });

  it('when attribution is asked by week, then credited GMV per week matches the oracle in yuan', async () => {
    const answer = await t.call(
      'GET',
      `${base()}/attribution?grain=week&from=2024-01-01&to=2024-03-01`,
      { as: 'viewer' },
    );
    expect(answer.status).toBe(200);
    const expected = creditedGmvByPeriod({
      customers: data.customers,
      orders: data.orders,
      period: 'week',
      window: { from: '2024-01-01', to: '2024-03-01' },
    });
    expect(answer.body.rows).toEqual(
      expected.map((r) => ({
        period: r.period,
        public: fenToYuan(r.public),
        private: fenToYuan(r.private),
        total: fenToYuan(r.total),
      })),
    );
  });

  it("when a trend is asked, then the metric's goals overlapping the range and the range's annotations come with it", async () => {
    const post = async (path: string, body: object) => {
      const created = await t.call('POST', `${base()}/${path}`, { as: 'lead', body });
      expect(created.status).toBe(201);
      return created.body.id as number;
    };
    const goal = (periodStart: string, periodEnd: string, metric = 'orders') =>
      post('goals', { metric, periodStart, periodEnd, target: 12.5, segment: 'private' });
    const later = await goal('2024-03-01', '2024-04-01');
    const earlier = await goal('2023-12-15', '2024-01-15');
    await goal('2023-12-01', '2024-01-01'); // ends where the range starts
    await goal('2024-02-01', '2024-03-01', 'gmv');
    await post('annotations', { date: '2024-03-31', text: '最后一天' });
    await post('annotations', { date: '2024-01-01', text: 'first day' });
    await post('annotations', { date: '2024-04-01', text: 'after' });
    const answer = await t.call(
      'GET',
      `${base()}/metrics/trends?metric=orders&grain=month&from=2024-01-01&to=2024-04-01`,
      { as: 'viewer' },
    );
    expect(answer.status).toBe(200);
    const expected = (id: number, periodStart: string, periodEnd: string) => ({
      id,
      segment: 'private',
      periodStart,
      periodEnd,
      target: 12.5,
      purpose: '',
    });
    expect(answer.body.goals).toEqual([
      expected(earlier, '2023-12-15', '2024-01-15'),
      expected(later, '2024-03-01', '2024-04-01'),
    ]);
    expect(answer.body.annotations).toEqual([
      { date: '2024-01-01', text: 'first day' },
      { date: '2024-03-31', text: '最后一天' },
    ]);
  });

  it('when parameters are invalid or the caller is an outsider, then 400 and 404', async () => {
    const bad = await t.call('GET', `${base()}/metrics/summary?from=2024-02-01&to=2024-01-01`, {
      as: 'viewer',
    });
    expect(bad.status).toBe(400);
    const badMetric = await t.call('GET', `${base()}/metrics/trends?metric=nope`, { as: 'viewer' });
    expect(badMetric.status).toBe(400);
    const outsider = await t.call('GET', `${base()}/cohorts`, { as: 'outsider' });
    expect(outsider.status).toBe(404);
  });
});
