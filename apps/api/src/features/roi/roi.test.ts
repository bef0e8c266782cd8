import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';

let t: TestApp;
const ws = () => t.fixture.workspace.slug;

async function customer(externalId: string, joinedPrivateAt: string | null): Promise<number> {
  const row = await t.database.db
    .insertInto('customers')
    .values({
      workspace_id: t.fixture.workspace.id,
      external_id: externalId,
      joined_private_at: joinedPrivateAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function order(
  id: string,
  customerId: number,
  channel: 'tmall' | 'wecom',
  at: string,
  amountFen: number,
  grossProfitFen: number,
): Promise<void> {
  await t.database.db
    .insertInto('orders')
    .values({
      workspace_id: t.fixture.workspace.id,
      external_id: id,
      customer_id: customerId,
      channel,
      domain: channel === 'tmall' ? 'public' : 'private',
      ordered_at: `${at}T12:00:00+08:00`,
      local_date: at,
      amount_fen: amountFen,
      gross_profit_fen: grossProfitFen,
      status: 'completed',
    })
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const workspaceId = t.fixture.workspace.id;
  await db
    .updateTable('workspaces')
    .set({ private_launched_on: '2024-01-01' })
    .where('id', '=', workspaceId)
    .execute();
  await db
    .insertInto('channels')
    .values([
      { workspace_id: workspaceId, code: 'tmall', name: '天猫', domain: 'public' },
      { workspace_id: workspaceId, code: 'wecom', name: '企微', domain: 'private' },
    ])
    .execute();
  const a = await customer('A', null);
  const b = await customer('B', '2024-01-05T10:00:00+08:00');
  await order('o1', a, 'tmall', '2024-01-10', 10_000, 4_000);
  await order('o2', b, 'wecom', '2024-01-20', 20_000, 10_000);
  await order('o3', b, 'wecom', '2024-02-10', 30_000, 15_000);
  const costs = [];
  for (const month of ['2024-01-01', '2024-02-01']) {
    for (const [category, amount] of [
      ['labor', 10_000],
      ['tools', 2_000],
      ['traffic', 6_000],
      ['trial', 2_000],
      ['fixed', 5_000],
    ] as const) {
      costs.push({
        workspace_id: workspaceId,
        month,
        domain: 'private' as const,
        category,
        amount_fen: amount,
      });
    }
  }
  costs.push({
    workspace_id: workspaceId,
    month: '2024-01-01',
    domain: 'public' as const,
    category: 'traffic' as const,
    amount_fen: 5_000,
  });
  await db.insertInto('costs').values(costs).execute();
  await rebuildReadModel(t.database, workspaceId);
});
afterAll(async () => {
  await t?.close();
});

describe('GET roi', () => {
  it('when the window holds two whole months, then ROI, CAC, nurture cost and the split come from the metric functions, in yuan', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/roi?from=2024-01-01&to=2024-03-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    const body = res.body;
    // Credited private GMV: half of B's first private order + all of B's second = 400 yuan.
    expect(body.privateRoi.privateGmv).toBe(400);
    // Private gross profit carries the window margin: 29000 × 40000 / 60000 fen.
    expect(body.privateRoi.privateGrossProfit).toBe(193.33);
    expect(body.privateRoi.denominator).toBe(400);
    expect(body.privateRoi.numerator).toBe(93.33);
    expect(body.privateRoi.value).toBeCloseTo(9333 / 40000, 10);
    expect(body.publicCac).toMatchObject({ value: 50, numerator: 50, denominator: 1 });
    expect(body.nurtureCost.cost).toMatchObject({ value: 400, denominator: 1 });
    expect(body.nurtureCost.ceiling).toBe(150);
    expect(body.nurtureCost.ratioToCac.value).toBe(8);
    expect(body.nurtureCost.withinCeiling).toBe(false);
    expect(body.budgetSplit.total).toBe(200);
    expect(body.budgetSplit.shares.map((s: { deviation: number }) => s.deviation)).toEqual([
      0, 0, 0,
    ]);
    expect(body.budgetSplit.ruleApplies).toBe(true);
  });

  it('when the workspace launched in January, then the cumulative curves run monthly from launch', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/roi?from=2024-01-01&to=2024-03-01`, {
      as: 'viewer',
    });
    const { cumulative } = res.body;
    expect(cumulative.launchMonth).toBe('2024-01');
    expect(cumulative.points.map((p: { month: string }) => p.month)).toEqual([
      '2024-01',
      '2024-02',
    ]);
    expect(cumulative.points[1].privateCost).toBe(500);
    expect(cumulative.costBalance).toBeNull();
  });

  it('when a month is cut by the window, then its costs are left out and listed as partial', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/roi?from=2024-01-15&to=2024-03-01`, {
      as: 'lead',
    });
    expect(res.status).toBe(200);
    expect(res.body.costs.partialMonths).toEqual(['2024-01']);
    expect(res.body.privateRoi.denominator).toBe(200);
  });

  it('when costs are ingested between two identical requests, then the second answer includes them (answers are kept per data version)', async () => {
    const path = `/workspaces/${ws()}/roi?from=2024-02-01&to=2024-03-01`;
    const before = await t.call('GET', path, { as: 'viewer' });
    expect(before.status).toBe(200);
    const again = await t.call('GET', path, { as: 'viewer' });
    expect(again.body).toEqual(before.body);
    const ingest = await t.call('POST', `/workspaces/${ws()}/ingest/costs`, {
      as: 'leadKey',
      body: [
        { month: '2024-02', domain: 'private', category: 'labor', amount: '100', note: 'late' },
      ],
    });
    expect(ingest.status).toBe(200);
    const after = await t.call('GET', path, { as: 'viewer' });
    expect(after.body.privateRoi.variableCost).toBe(before.body.privateRoi.variableCost + 100);
  });

  it('when to is not after from, then 400', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/roi?from=2024-03-01&to=2024-03-01`, {
      as: 'owner',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });
});
