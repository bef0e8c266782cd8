import { planExperiment, seededRandom } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

let t: TestApp;

async function upload(kind: string, csv: string) {
  const response = await fetch(`${t.url}/api/v1/workspaces/acme/imports/${kind}`, {
    method: 'POST',
    headers: {
      ...t.fixture.headers.lead,
      'content-type': 'text/csv',
      'content-disposition': `attachment; filename="${kind}.csv"`,
    },
    body: csv,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers freely
  return { status: response.status, body: (await response.json()) as any };
}

// 300 customers, 20 % held out at random; treatment customers order more often after
// 2026-01-05 (the assignment day). Every figure the endpoint gives is recomputed here.
const CUSTOMERS = 300;
const rand = seededRandom(42);
const people = Array.from({ length: CUSTOMERS }, (_, i) => {
  const arm = rand() < 0.2 ? 'holdout' : 'treatment';
  const orders = Math.floor(rand() * (arm === 'treatment' ? 4 : 3));
  return { id: `E${String(i).padStart(4, '0')}`, arm, orders };
});

describe('experiments', () => {
  beforeAll(async () => {
    t = await startTestApp();
    expect((await upload('channels', 'code,name,domain\ntmall,天猫,public\n')).status).toBe(200);
    const customers = ['customer_id,acquired_at,acquisition_channel'];
    const orders = ['order_id,customer_id,channel,ordered_at,amount,gross_profit'];
    for (const p of people) {
      customers.push(`${p.id},2025-06-01 10:00,tmall`);
      orders.push(`${p.id}-0,${p.id},tmall,2025-06-01 10:00,100,40`);
      for (let k = 1; k <= p.orders; k++) {
        orders.push(
          `${p.id}-${k},${p.id},tmall,2026-01-${String(5 + k * 3).padStart(2, '0')} 12:00,200,80`,
        );
      }
      // An order after the 28 days never counts.
      orders.push(`${p.id}-late,${p.id},tmall,2026-03-01 12:00,500,200`);
    }
    expect((await upload('customers', customers.join('\n'))).status).toBe(200);
    expect((await upload('orders', orders.join('\n'))).status).toBe(200);
    const assignments = ['实验ID,客户ID,分组,分组时间'];
    for (const p of people) {
      assignments.push(
        `X1,${p.id},${p.arm === 'treatment' ? '实验组' : '对照组'},2026-01-05 09:00`,
      );
    }
    const imported = await upload('experiments', assignments.join('\n'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.import).toMatchObject({ status: 'succeeded', inserted: CUSTOMERS });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('when an assignment names another arm, then the row is rejected with its line', async () => {
    const res = await upload(
      'experiments',
      'experiment_id,customer_id,arm,assigned_at\nX2,E0001,maybe,2026-01-05\n',
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details.import.status).toBe('rejected');
    expect(res.body.error.details.import.errors[0]).toMatchObject({ line: 2, column: 'arm' });
  });

  it('when experiments are listed, then each has its arm sizes', async () => {
    const res = await t.call('GET', '/workspaces/acme/experiments', { as: 'viewer' });
    expect(res.status).toBe(200);
    const holdout = people.filter((p) => p.arm === 'holdout').length;
    expect(res.body.experiments).toEqual([
      {
        experimentId: 'X1',
        treatment: CUSTOMERS - holdout,
        holdout,
        firstAssignedAt: '2026-01-05T01:00:00.000Z',
        lastAssignedAt: '2026-01-05T01:00:00.000Z',
      },
    ]);
  });

  it('when an experiment is read, then the lift is treatment − holdout per customer over the days', async () => {
    const res = await t.call('GET', '/workspaces/acme/experiments/X1?days=28&holdoutShare=0.2', {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    const mean = (arm: string, f: (p: (typeof people)[number]) => number) => {
      const group = people.filter((p) => p.arm === arm);
      return group.reduce((s, p) => s + f(p), 0) / group.length;
    };
    const ordersLift = mean('treatment', (p) => p.orders) - mean('holdout', (p) => p.orders);
    const conversionLift =
      mean('treatment', (p) => (p.orders > 0 ? 1 : 0)) -
      mean('holdout', (p) => (p.orders > 0 ? 1 : 0));
    const b = res.body;
    expect(b.lift.orders.estimate).toBeCloseTo(ordersLift, 5);
    expect(b.lift.conversion.estimate).toBeCloseTo(conversionLift, 5);
    expect(b.lift.gmv.estimate).toBeCloseTo(ordersLift * 200, 1);
    expect(b.lift.grossProfit.estimate).toBeCloseTo(ordersLift * 80, 1);
    expect(b.lift.grossProfit.low).toBeLessThan(b.lift.grossProfit.estimate);
    expect(b.lift.grossProfit.high).toBeGreaterThan(b.lift.grossProfit.estimate);
    expect(b.treatment.customers + b.holdout.customers).toBe(CUSTOMERS);
    expect(b.sampleRatio.mismatch).toBe(false);
    expect(b.summary.en).toContain('90% interval');
    // Planned at half and half, the same split is a mismatch.
    const skewed = await t.call('GET', '/workspaces/acme/experiments/X1?holdoutShare=0.5', {
      as: 'viewer',
    });
    expect(skewed.body.sampleRatio.mismatch).toBe(true);
    expect(skewed.body.summary['zh-CN']).toContain('样本比例失衡');
  });

  it('when the planner is asked, then it answers the metrics planner', async () => {
    const res = await t.call(
      'GET',
      '/workspaces/acme/experiments/plan?baseline=0.1&lift=0.2&holdoutShare=0.2&weeklyEligible=500',
      { as: 'viewer' },
    );
    expect(res.status).toBe(200);
    const plan = planExperiment({
      baseline: 0.1,
      lift: 0.2,
      holdoutShare: 0.2,
      weeklyEligible: 500,
    });
    expect(res.body).toMatchObject({ customers: plan.customers, weeks: plan.weeks });
    expect(res.body.summary['zh-CN']).toContain('周');
  });

  it('when inputs are bad, then 400; an unknown experiment, 404', async () => {
    for (const path of [
      '/workspaces/acme/experiments/plan',
      '/workspaces/acme/experiments/plan?baseline=0.1',
      '/workspaces/acme/experiments/plan?baseline=2&lift=0.1',
      '/workspaces/acme/experiments/plan?baseline=0.1&lift=0',
      '/workspaces/acme/experiments/plan?baseline=-1&lift=0.1',
      '/workspaces/acme/experiments/plan?baseline=0.1&lift=0.1&holdoutShare=1',
      '/workspaces/acme/experiments/X1?days=0',
      '/workspaces/acme/experiments/X1?holdoutShare=0',
    ]) {
      const res = await t.call('GET', path, { as: 'viewer' });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('invalid_request');
    }
    const missing = await t.call('GET', '/workspaces/acme/experiments/NOPE', { as: 'viewer' });
    expect(missing.status).toBe(404);
    const outsider = await t.call('GET', '/workspaces/acme/experiments', { as: 'outsider' });
    expect(outsider.status).toBe(404);
  });
});
