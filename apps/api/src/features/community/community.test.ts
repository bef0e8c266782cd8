import { addDays } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

let t: TestApp;
const ws = () => t.fixture.workspace.slug;
const AS_OF = '2024-05-01';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const workspace_id = t.fixture.workspace.id;
  await db
    .insertInto('groups')
    .values([
      { workspace_id, external_id: 'G1', name: '老客群' },
      { workspace_id, external_id: 'G2', name: '新品群' },
    ])
    .execute();
  const rows = [];
  // G1: 28 days before asOf, members growing while the activity rate falls; 3 staff; staff talk most.
  for (let i = 0; i < 28; i += 1) {
    const members = 100 + 2 * i;
    rows.push({
      workspace_id,
      group_id: 'G1',
      date: addDays(AS_OF, -28 + i),
      members,
      active_members: Math.floor((0.4 - 0.01 * i) * members),
      messages: 100,
      internal_members: 3,
      internal_messages: 60,
      joins: 3,
      leaves: i % 2,
    });
  }
  // G2: a new group, first seen three days before asOf, 10 staff in 200 members.
  for (let i = 0; i < 3; i += 1) {
    rows.push({
      workspace_id,
      group_id: 'G2',
      date: addDays(AS_OF, -3 + i),
      members: 200,
      active_members: 54,
      messages: 300,
      internal_members: 10,
      internal_messages: 30,
    });
  }
  await db.insertInto('group_daily').values(rows).execute();
});
afterAll(async () => {
  await t?.close();
});

describe('GET community', () => {
  it('when members grow while activity falls, then the group has a hollow-growth alert', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/community?asOf=${AS_OF}`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    expect(res.body.hollowGrowth).toEqual([
      expect.objectContaining({ groupId: 'G1', name: '老客群' }),
    ]);
    const g1 = res.body.groups.find((g: { groupId: string }) => g.groupId === 'G1');
    expect(g1).toMatchObject({ latestDate: '2024-04-30', members: 154 });
    expect(g1.trend.weeks).toHaveLength(4);
  });

  it('when people join and leave G1, then its row and weekly trend carry the window sums', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/community?asOf=${AS_OF}`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    const g1 = (
      res.body.groups as {
        groupId: string;
        trend: { joins: number; leaves: number; weeks: { joins: number; leaves: number }[] };
      }[]
    ).find((g) => g.groupId === 'G1')!;
    expect([g1.trend.joins, g1.trend.leaves]).toEqual([84, 14]);
    expect(g1.trend.weeks.map((w) => [w.joins, w.leaves])).toEqual([
      [21, 3],
      [21, 4],
      [21, 3],
      [21, 4],
    ]);
  });

  it('when staff are under 5 per 100 or write most messages, then the group is flagged', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/community?asOf=${AS_OF}`, {
      as: 'viewer',
    });
    expect(res.body.belowGuideline).toEqual(['G1']);
    expect(res.body.flooding).toEqual(['G1']);
  });

  it('when a group is first seen in the last 28 days, then its cold start over 48 h and 3 days is shown', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/community?asOf=${AS_OF}`, {
      as: 'readOnlyKey',
    });
    type Start = {
      groupId: string;
      first48h: { activityRate: unknown };
      first3Days: { complete: boolean };
      internal: { meetsGuideline: boolean | null };
    };
    const byId = new Map<string, Start>(
      res.body.coldStart.map((c: Start) => [c.groupId, c] as const),
    );
    // G1 is first seen on the first day of all the data: maybe older than the data.
    expect(byId.get('G1')).toMatchObject({ startsAtDataStart: true });
    const g2 = byId.get('G2')!;
    expect(g2).toMatchObject({ groupId: 'G2', firstDate: '2024-04-28', startsAtDataStart: false });
    expect(g2.first48h.activityRate).toMatchObject({ value: 0.27, numerator: 108 });
    expect(g2.first3Days.complete).toBe(true);
    expect(g2.internal.meetsGuideline).toBe(true);
  });

  it('when asOf is before any data, then there are no groups', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/community?asOf=2020-01-01`, {
      as: 'viewer',
    });
    expect(res.body.groups).toEqual([]);
    expect(res.body.coldStart).toEqual([]);
  });

  it('when asOf is not a date, then 400', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/community?asOf=2024-02-30`, {
      as: 'viewer',
    });
    expect(res.status).toBe(400);
  });
});
