import { accountRedLines, type AccountDayRecord } from '@yugang/metrics';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

let t: TestApp;

async function setSettings(settings: Record<string, unknown>): Promise<void> {
  await sql`update workspaces set settings = ${JSON.stringify(settings)}::jsonb
    where id = ${t.fixture.workspace.id}`.execute(t.database.db);
}
const ws = () => t.fixture.workspace.slug;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const workspace_id = t.fixture.workspace.id;
  await db
    .insertInto('accounts')
    .values([
      { workspace_id, external_id: 'M1', registered_at: '2024-02-20' },
      { workspace_id, external_id: 'M2', registered_at: '2023-01-01' },
    ])
    .execute();
  await db
    .insertInto('accounts')
    .values({ workspace_id, external_id: 'B1', registered_at: '2024-02-20', backup_of: 'M1' })
    .execute();
  await db
    .insertInto('account_daily')
    .values([
      { workspace_id, account_id: 'M1', date: '2024-03-05', active_adds: 12 },
      { workspace_id, account_id: 'M1', date: '2024-03-06', active_adds: 7 },
      { workspace_id, account_id: 'M2', date: '2024-03-05', active_adds: 20, mass_sends: 3 },
      { workspace_id, account_id: 'M1', date: '2024-04-02', passive_adds: 40 },
    ])
    .execute();
});
afterAll(async () => {
  await t?.close();
});

describe('GET risk', () => {
  it('when a new account breaks a red line, then its alert and advice are listed by account and day', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/risk?from=2024-03-01&to=2024-04-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    expect(res.body.alerts).toEqual([
      expect.objectContaining({ accountId: 'M1', date: '2024-03-05', level: 'alert', value: 12 }),
      expect.objectContaining({ accountId: 'M1', date: '2024-03-06', level: 'advice', value: 7 }),
    ]);
    expect(res.body.alertDays).toBe(1);
    expect(res.body.byAccount).toEqual([{ accountId: 'M1', alertDays: 1, alerts: 1, advice: 1 }]);
    expect(res.body.byDay.map((d: { date: string }) => d.date)).toEqual([
      '2024-03-05',
      '2024-03-06',
    ]);
  });

  it('when accounts have days in the window, then the red-line series holds them as accountRedLines does', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/risk?from=2024-03-01&to=2024-04-01`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    const accounts = [
      { id: 'M1', kind: 'personal_wechat', registeredAt: '2024-02-20', backupOf: null },
      { id: 'M2', kind: 'personal_wechat', registeredAt: '2023-01-01', backupOf: null },
      { id: 'B1', kind: 'personal_wechat', registeredAt: '2024-02-20', backupOf: 'M1' },
    ] as const;
    const day = (accountId: string, date: string, p: Partial<AccountDayRecord>) => ({
      accountId,
      date,
      activeAdds: 0,
      passiveAdds: 0,
      massSends: 0,
      complaints: 0,
      ...p,
    });
    const expected = accountRedLines(
      [...accounts],
      [
        day('M1', '2024-03-05', { activeAdds: 12 }),
        day('M1', '2024-03-06', { activeAdds: 7 }),
        day('M2', '2024-03-05', { activeAdds: 20, massSends: 3 }),
        day('M1', '2024-04-02', { passiveAdds: 40 }),
      ],
      { from: '2024-03-01', to: '2024-04-01' },
    );
    expect(res.body.redLines).toEqual(expected);
    expect(
      res.body.redLines.map((l: { accountId: string; days: unknown[] }) => [
        l.accountId,
        l.days.length,
      ]),
    ).toEqual([
      ['M1', 2],
      ['M2', 1],
    ]);
    expect(res.body.redLines[0].days[0].crossed).toEqual(['active_adds']);
  });

  it('when the window ends in March, then compliance is for March and backup coverage counts main accounts', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/risk?from=2024-03-01&to=2024-04-01`, {
      as: 'readOnlyKey',
    });
    expect(res.body.compliance).toMatchObject({
      month: '2024-03',
      value: 0.5,
      numerator: 1,
      denominator: 2,
      nonCompliant: ['M1'],
    });
    expect(res.body.backupCoverage).toMatchObject({ value: 0.5, uncovered: ['M2'] });
  });

  it('when the workspace lowers a threshold, then its setting is used', async () => {
    await setSettings({ risk: { massSendScope: 'all_accounts' } });
    const res = await t.call('GET', `/workspaces/${ws()}/risk?from=2024-03-01&to=2024-04-01`, {
      as: 'viewer',
    });
    expect(res.body.alerts).toContainEqual(
      expect.objectContaining({ accountId: 'M2', rule: 'mass_sends', level: 'alert' }),
    );
    await setSettings({});
  });
});

describe('POST risk/check-text', () => {
  it('when a text holds default sensitive words, then every occurrence is returned', async () => {
    const res = await t.call('POST', `/workspaces/${ws()}/risk/check-text`, {
      as: 'viewer',
      body: { text: '稳赚不赔的投资，投资找我们' },
    });
    expect(res.status).toBe(200);
    expect(res.body.flagged).toBe(true);
    expect(res.body.matches.map((m: { word: string; index: number }) => [m.word, m.index])).toEqual(
      [
        ['稳赚', 0],
        ['投资', 5],
        ['投资', 8],
      ],
    );
  });

  it('when the workspace has its own words, then only those are checked', async () => {
    await setSettings({ sensitiveWords: ['福利'] });
    const res = await t.call('POST', `/workspaces/${ws()}/risk/check-text`, {
      as: 'lead',
      body: { text: '投资福利' },
    });
    expect(res.body).toMatchObject({ flagged: true, words: 1 });
    expect(res.body.matches).toEqual([{ word: '福利', index: 2, length: 2, text: '福利' }]);
  });

  it('when the text is empty or blank, then 400', async () => {
    for (const text of ['', '   ']) {
      const res = await t.call('POST', `/workspaces/${ws()}/risk/check-text`, {
        as: 'lead',
        body: { text },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body.text');
    }
  });

  it('when no body is sent, then 400', async () => {
    const res = await t.call('POST', `/workspaces/${ws()}/risk/check-text`, { as: 'lead' });
    expect(res.status).toBe(400);
  });
});
