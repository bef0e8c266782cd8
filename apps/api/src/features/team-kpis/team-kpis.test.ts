import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';

let t: TestApp;
const ws = () => t.fixture.workspace.slug;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const workspace_id = t.fixture.workspace.id;
  await db
    .insertInto('channels')
    .values({ workspace_id, code: 'douyin', name: '抖音直播', domain: 'public' })
    .execute();
  await db
    .insertInto('live_sessions')
    .values([
      {
        workspace_id,
        external_id: 'L1',
        channel: 'douyin',
        started_at: '2024-03-02T20:00:00+08:00',
        viewers: 1000,
        private_adds: 30,
      },
      {
        workspace_id,
        external_id: 'L2',
        channel: 'douyin',
        started_at: '2024-03-09T20:00:00+08:00',
        viewers: 1000,
        private_adds: 70,
      },
      {
        workspace_id,
        external_id: 'L3',
        channel: 'douyin',
        started_at: '2024-04-01T00:30:00+08:00',
        viewers: 5000,
        private_adds: 0,
      },
    ])
    .execute();
  await db
    .insertInto('conversations')
    .values([
      {
        workspace_id,
        external_id: 'c1',
        first_inbound_at: '2024-03-03T09:00:00+08:00',
        first_response_at: '2024-03-03T10:00:00+08:00',
      },
      {
        workspace_id,
        external_id: 'c2',
        first_inbound_at: '2024-03-04T09:00:00+08:00',
        first_response_at: '2024-03-07T09:00:00+08:00',
      },
      { workspace_id, external_id: 'c3', first_inbound_at: '2024-03-05T09:00:00+08:00' },
    ])
    .execute();
  const customer = async (external_id: string, joined_private_at: string | null) =>
    Number(
      (
        await db
          .insertInto('customers')
          .values({ workspace_id, external_id, joined_private_at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const j1 = await customer('J1', '2024-03-03T10:00:00+08:00');
  await customer('J2', '2024-03-04T10:00:00+08:00');
  const p1 = await customer('P1', null);
  let n = 0;
  const order = (customer_id: number, day: string) => {
    n += 1;
    return {
      workspace_id,
      external_id: `o${n}`,
      customer_id,
      channel: 'douyin',
      domain: 'public' as const,
      ordered_at: `${day}T12:00:00+08:00`,
      local_date: day,
      amount_fen: 10_000,
      status: 'completed' as const,
    };
  };
  await db
    .insertInto('orders')
    .values([order(j1, '2024-03-10'), order(j1, '2024-04-15'), order(p1, '2024-03-12')])
    .execute();
  await rebuildReadModel(t.database, workspace_id);
});
afterAll(async () => {
  await t?.close();
});

describe('GET team-kpis', () => {
  it('when live sessions ran in March, then the guide rate is adds over viewers against 5%', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/team-kpis?from=2024-03-01&to=2024-04-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    expect(res.body.guideRate).toMatchObject({
      value: 0.05,
      numerator: 100,
      denominator: 2000,
      sessions: 2,
      meetsTarget: true,
    });
  });

  it('when one of three conversations was answered within 48 h, then the rate is 1/3 and the median counts answered ones', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/team-kpis?from=2024-03-01&to=2024-04-01`, {
      as: 'readOnlyKey',
    });
    expect(res.body.responseRate48h).toMatchObject({ numerator: 1, denominator: 3, pending: 0 });
    expect(res.body.medianFirstResponseHours).toEqual({ value: 36.5, count: 2 });
  });

  it('when one of two new members ordered within 30 days and one of two first-timers came back within 90, then both conversions are 1/2', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/team-kpis?from=2024-03-01&to=2024-04-01`, {
      as: 'viewer',
    });
    expect(res.body.firstOrderConversion).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      entrants: 2,
      immature: 0,
    });
    expect(res.body.repurchaseConversion).toMatchObject({ value: 0.5, entrants: 2, immature: 0 });
  });

  it('when the window is five months around the same customers, then the conversions are served and count the same members and first-timers', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/team-kpis?from=2024-01-01&to=2024-06-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    expect(res.body.firstOrderConversion).toMatchObject({ value: 0.5, entrants: 2, immature: 0 });
    expect(res.body.repurchaseConversion).toMatchObject({ value: 0.5, entrants: 2, immature: 0 });
  });

  it('when the range is reversed, then 400', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/team-kpis?from=2024-04-01&to=2024-03-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(400);
  });
});
