import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

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
    expect(res.body.notServed).toEqual(['first_order_conversion', 'repurchase_conversion']);
  });

  it('when the range is reversed, then 400', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/team-kpis?from=2024-04-01&to=2024-03-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(400);
  });
});
