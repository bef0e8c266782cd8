import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';

let t: TestApp;
const ws = () => t.fixture.workspace.slug;
const goal = {
  metric: 'gmv',
  periodStart: '2024-01-01',
  periodEnd: '2024-02-01',
  target: 1000,
  purpose: '验证私域复购',
};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const workspace_id = t.fixture.workspace.id;
  await db
    .insertInto('channels')
    .values({ workspace_id, code: 'wecom', name: '企微', domain: 'private' })
    .execute();
  const c = await db
    .insertInto('customers')
    .values({ workspace_id, external_id: 'C1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('orders')
    .values({
      workspace_id,
      external_id: 'o1',
      customer_id: Number(c.id),
      channel: 'wecom',
      domain: 'private',
      ordered_at: '2024-01-10T12:00:00+08:00',
      local_date: '2024-01-10',
      amount_fen: 25_000,
      gross_profit_fen: 10_000,
      status: 'completed',
    })
    .execute();
  await rebuildReadModel(t.database, workspace_id);
});
afterAll(async () => {
  await t?.close();
});

describe('goals', () => {
  it('when a lead creates a GMV goal, then it is listed with progress from the read model, in yuan', async () => {
    const created = await t.call('POST', `/workspaces/${ws()}/goals`, { as: 'lead', body: goal });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...goal, segment: 'all', boundary: '' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor_user_id'])
      .where('workspace_id', '=', t.fixture.workspace.id)
      .where('action', '=', 'goals.create')
      .execute();
    expect(audit).toEqual([
      {
        action: 'goals.create',
        target: String(created.body.id),
        actor_user_id: t.fixture.users.lead.id,
      },
    ]);
    const list = await t.call('GET', `/workspaces/${ws()}/goals?asOf=2024-02-01`, {
      as: 'viewer',
    });
    expect(list.status).toBe(200);
    const found = list.body.goals.find((g: { id: number }) => g.id === created.body.id);
    expect(found.progress).toMatchObject({
      status: 'ended',
      current: 250,
      forecast: 250,
      onTrack: false,
    });
    expect(found.progress.progress).toMatchObject({
      value: 0.25,
      numerator: 250,
      denominator: 1000,
    });
  });

  it('when the metric has no daily series yet, then progress is null with a reason', async () => {
    const created = await t.call('POST', `/workspaces/${ws()}/goals`, {
      as: 'owner',
      body: { ...goal, metric: 'repeat_purchase_rate', target: 0.3 },
    });
    expect(created.status).toBe(201);
    expect(created.body.progress.progress.value).toBeNull();
    expect(created.body.progress.reason).toMatch(/no daily series/);
  });

  it('when the metric is not a catalog id, then 400', async () => {
    const res = await t.call('POST', `/workspaces/${ws()}/goals`, {
      as: 'lead',
      body: { ...goal, metric: 'vanity_index' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.metric');
  });

  it('when periodEnd is not after periodStart, then 400', async () => {
    for (const periodEnd of ['2024-01-01', '2023-12-31']) {
      const res = await t.call('POST', `/workspaces/${ws()}/goals`, {
        as: 'lead',
        body: { ...goal, periodEnd },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body.periodEnd');
    }
  });

  it('when a viewer or a read-only key creates a goal, then 403', async () => {
    for (const as of ['viewer', 'readOnlyKey'] as const) {
      const res = await t.call('POST', `/workspaces/${ws()}/goals`, { as, body: goal });
      expect(res.status).toBe(403);
    }
  });

  it('when a goal is patched, then the change is kept; a period that would end before it starts is 400', async () => {
    const created = await t.call('POST', `/workspaces/${ws()}/goals`, { as: 'lead', body: goal });
    const id = created.body.id;
    const patched = await t.call('PATCH', `/workspaces/${ws()}/goals/${id}`, {
      as: 'leadKey',
      body: { target: 200, boundary: '不打折' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ target: 200, boundary: '不打折', metric: 'gmv' });
    const bad = await t.call('PATCH', `/workspaces/${ws()}/goals/${id}`, {
      as: 'lead',
      body: { periodEnd: '2023-12-01' },
    });
    expect(bad.status).toBe(400);
    const unknown = await t.call('PATCH', `/workspaces/${ws()}/goals/${id}`, {
      as: 'lead',
      body: { metric: 'nope' },
    });
    expect(unknown.status).toBe(400);
  });

  it('when a goal is deleted, then it is gone and a second delete is 404', async () => {
    const created = await t.call('POST', `/workspaces/${ws()}/goals`, { as: 'lead', body: goal });
    const id = created.body.id;
    const gone = await t.call('DELETE', `/workspaces/${ws()}/goals/${id}`, { as: 'owner' });
    expect(gone.status).toBe(204);
    const list = await t.call('GET', `/workspaces/${ws()}/goals`, { as: 'viewer' });
    expect(list.body.goals.some((g: { id: number }) => g.id === id)).toBe(false);
    const again = await t.call('DELETE', `/workspaces/${ws()}/goals/${id}`, { as: 'owner' });
    expect(again.status).toBe(404);
  });

  it('when another workspace owns the goal id, then patch and delete answer 404', async () => {
    const created = await t.call('POST', `/workspaces/${ws()}/goals`, { as: 'lead', body: goal });
    const foreign = t.fixture.foreign.slug;
    const res = await t.call('DELETE', `/workspaces/${foreign}/goals/${created.body.id}`, {
      as: 'outsider',
    });
    expect(res.status).toBe(404);
  });
});
