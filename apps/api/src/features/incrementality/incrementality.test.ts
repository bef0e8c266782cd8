import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { trueJoinLift } from '../../demo/join-effect.js';
import { loadDemo } from '../../demo/load-demo.js';
import { timeline } from '../../demo/timeline.js';

const CUSTOMERS = 6_000;
const SEED = 1;

interface Figure {
  estimate: number;
  low: number | null;
  high: number | null;
}

describe('GET /workspaces/:ws/incrementality', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    const { workspaceId } = await loadDemo(app.database, { customers: CUSTOMERS, seed: SEED });
    await app.database.db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: app.fixture.users.viewer.id, role: 'viewer' })
      .execute();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
  });

  it('when the demo is asked, then the matched lift recovers the effect the generator put in and the naive gap overstates it', async () => {
    const res = await app.call('GET', '/workspaces/demo/incrementality?months=6', { as: 'viewer' });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.months).toBe(6);
    expect(body.asOf).toBe('2026-10-01');
    expect(body.cohorts).toMatchObject({ to: '2026-03' });
    expect(body.matched.members).toBeGreaterThan(200);
    expect(body.matched.members + body.matched.unmatched).toBe(body.matched.eligible);
    for (const figure of Object.values(body.matched.perMember) as Figure[]) {
      expect(figure.low).toBeLessThanOrEqual(figure.estimate);
      expect(figure.estimate).toBeLessThanOrEqual(figure.high!);
    }
    const truth = trueJoinLift(SEED, CUSTOMERS, timeline(), 6);
    const gp = body.matched.perMember.grossProfit as Figure;
    console.log('demo incrementality', {
      truth: truth.perMember,
      truthMembers: truth.members,
      matched: body.matched.perMember,
      naive: body.naive.perMember,
      members: body.matched.members,
      unmatched: body.matched.unmatched,
      roi: body.roi,
    });
    expect(gp.low!).toBeLessThanOrEqual(truth.perMember.grossProfit);
    expect(truth.perMember.grossProfit).toBeLessThanOrEqual(gp.high!);
    const orders = body.matched.perMember.orders as Figure;
    expect(orders.low!).toBeLessThanOrEqual(truth.perMember.orders);
    expect(truth.perMember.orders).toBeLessThanOrEqual(orders.high!);
    // Selection (store customers buy more and join more): the naive gap is above the truth.
    expect(body.naive.perMember.grossProfit.estimate).toBeGreaterThan(
      1.1 * truth.perMember.grossProfit,
    );
    expect(body.totalIncrementalGrossProfit.estimate).toBeCloseTo(
      gp.estimate * body.matched.members,
      -1,
    );
    expect(body.balance.map((b: { variable: string }) => b.variable)).toEqual([
      'pre_orders',
      'pre_gmv',
      'pre_gross_profit',
      'recency_months',
      'tenure_months',
    ]);
    const preOrders = body.balance[0];
    expect(Math.abs(preOrders.standardizedDifference)).toBeLessThan(0.1);
    // Both ROIs divide by the same private cost of the months the post windows cover.
    expect(body.roi.privateCost).toBeGreaterThan(0);
    expect(body.roi.incremental.estimate).toBeCloseTo(
      body.totalIncrementalGrossProfit.estimate / body.roi.privateCost,
      3,
    );
    expect(body.roi.naive.estimate).toBeCloseTo(
      body.naive.total.grossProfit.estimate / body.roi.privateCost,
      3,
    );
    expect(body.roi.whichToUse.en).toContain('incremental ROI');
    expect(body.assumptions.length).toBeGreaterThan(2);
    expect(body.summary['zh-CN']).toContain('90% 区间');
    expect(body.freshness.latestDataDay).toBe('2026-09-30');
    expect(body.cached).toBe(false);
    const again = await app.call('GET', '/workspaces/demo/incrementality?months=6', {
      as: 'viewer',
    });
    expect(again.body.cached).toBe(true);
    expect(again.body.matched).toEqual(body.matched);
  }, 120_000);

  it('when a workspace has no orders, then there are no members and no intervals', async () => {
    const res = await app.call('GET', '/workspaces/acme/incrementality', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.months).toBe(6);
    expect(res.body.cohorts).toBeNull();
    expect(res.body.matched.members).toBe(0);
    expect(res.body.matched.perMember.grossProfit).toEqual({ estimate: 0, low: null, high: null });
    expect(res.body.roi).toBeNull();
  });

  it('when the query is bad, then 400 invalid_request', async () => {
    for (const query of ['months=0', 'months=25', 'months=six', 'months=1.5', 'asOf=2026-02-30']) {
      const res = await app.call('GET', `/workspaces/demo/incrementality?${query}`, {
        as: 'viewer',
      });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });

  it('when the caller is not a member of the workspace, then 404', async () => {
    const res = await app.call('GET', '/workspaces/demo/incrementality', { as: 'outsider' });
    expect(res.status).toBe(404);
  });
});
