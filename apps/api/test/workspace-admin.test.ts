import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, startTestApp, type TestApp } from './fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const audit = (action: string) =>
  t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('workspace_id', '=', t.fixture.workspace.id)
    .where('action', '=', action)
    .execute();

describe('workspace settings', () => {
  it('when a viewer reads settings, then the defaults are filled in', async () => {
    const answer = await t.call('GET', '/workspaces/acme/settings', { as: 'readOnlyKey' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      slug: 'acme',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      privateLaunchedOn: null,
      settings: { commissionRate: 0.05, privateShare: 0.5, defaultMargin: 0, upColor: null },
    });
    expect(answer.body.settings.sensitiveWords).toContain('金融');
    expect(answer.body.settings.tiers.topMonetaryShare).toBe(0.2);
    expect(answer.body.settings.risk.activeAddsAlert).toBe(10);
  });

  it('when the owner patches settings, then nested values merge, the row changes and it is audited', async () => {
    const answer = await t.call('PATCH', '/workspaces/acme/settings', {
      as: 'owner',
      body: {
        timeZone: 'Europe/Berlin',
        privateLaunchedOn: '2024-03-01',
        settings: {
          defaultMargin: 0.35,
          risk: { activeAddsAlert: 12 },
          sensitiveWords: ['保本'],
          upColor: 'green',
        },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.timeZone).toBe('Europe/Berlin');
    expect(answer.body.privateLaunchedOn).toBe('2024-03-01');
    expect(answer.body.settings.defaultMargin).toBe(0.35);
    expect(answer.body.settings.risk).toMatchObject({ activeAddsAlert: 12, passiveAddsAlert: 30 });
    expect(answer.body.settings.sensitiveWords).toEqual(['保本']);
    expect(answer.body.settings.upColor).toBe('green');
    const row = await t.database.db
      .selectFrom('workspaces')
      .select(['time_zone', 'settings'])
      .where('id', '=', t.fixture.workspace.id)
      .executeTakeFirstOrThrow();
    expect(row.time_zone).toBe('Europe/Berlin');
    expect(row.settings).toEqual({
      defaultMargin: 0.35,
      risk: { activeAddsAlert: 12 },
      sensitiveWords: ['保本'],
      upColor: 'green',
    });
    const entries = await audit('settings.update');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_user_id).toBe(t.fixture.users.owner.id);
  });

  it('when a patch is out of range, unknown or inconsistent, then it answers 400 and nothing changes', async () => {
    for (const body of [
      { settings: { commissionRate: 1.5 } },
      { settings: { typo: 1 } },
      { settings: { upColor: 'blue' } },
      { timeZone: 'Mars/Olympus' },
      { privateLaunchedOn: '2024-02-30' },
      { settings: { risk: { activeAddsAdvice: 50 } } },
    ]) {
      const answer = await t.call('PATCH', '/workspaces/acme/settings', { as: 'owner', body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
    }
    expect(await audit('settings.update')).toHaveLength(1);
  });

  it('when a lead or a lead key patches settings, then it answers 403', async () => {
    for (const as of ['lead', 'leadKey'] as const) {
      const answer = await t.call('PATCH', '/workspaces/acme/settings', {
        as,
        body: { settings: { defaultMargin: 0.1 } },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
  });

  it('when the owner of another workspace asks, then it answers 404 as if acme did not exist', async () => {
    const foreign = await t.call('GET', '/workspaces/acme/settings', { as: 'outsider' });
    const missing = await t.call('GET', '/workspaces/nothing-here/settings', { as: 'outsider' });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.error.code).toBe(missing.body.error.code);
  });
});

describe('workspace members', () => {
  let newUserId = 0;

  it('when the owner lists members, then each has email, name and role', async () => {
    const answer = await t.call('GET', '/workspaces/acme/members', { as: 'owner' });
    expect(answer.status).toBe(200);
    expect(
      answer.body.members.map((m: { email: string; role: string }) => [m.email, m.role]),
    ).toEqual([
      ['lead@acme.test', 'lead'],
      ['owner@acme.test', 'owner'],
      ['viewer@acme.test', 'viewer'],
    ]);
  });

  it('when the owner adds a new email without a password, then an account is made and its password shown once', async () => {
    const answer = await t.call('POST', '/workspaces/acme/members', {
      as: 'owner',
      body: { email: 'New.Analyst@Acme.test', role: 'viewer', name: '小王' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.member).toMatchObject({
      email: 'new.analyst@acme.test',
      role: 'viewer',
      name: '小王',
    });
    expect(answer.body.generatedPassword).toEqual(expect.any(String));
    newUserId = answer.body.member.userId;
    const login = await t.call('POST', '/auth/login', {
      body: { email: 'new.analyst@acme.test', password: answer.body.generatedPassword },
    });
    expect(login.status).toBe(200);
    expect(await audit('members.add')).toHaveLength(1);
  });

  it('when the owner adds an existing account, then it keeps its password and no password is shown', async () => {
    const answer = await t.call('POST', '/workspaces/acme/members', {
      as: 'owner',
      body: { email: t.fixture.users.outsider.email, role: 'lead', password: 'ignored password' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.generatedPassword).toBeNull();
    const login = await t.call('POST', '/auth/login', {
      body: { email: t.fixture.users.outsider.email, password: FIXTURE_PASSWORD },
    });
    expect(login.status).toBe(200);
  });

  it('when the email is already a member or the body is bad, then it answers 409 or 400', async () => {
    const again = await t.call('POST', '/workspaces/acme/members', {
      as: 'owner',
      body: { email: 'lead@acme.test', role: 'owner' },
    });
    expect(again.status).toBe(409);
    const badRole = await t.call('POST', '/workspaces/acme/members', {
      as: 'owner',
      body: { email: 'x@acme.test', role: 'admin' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'body.role' }),
    );
  });

  it('when the owner changes a role, then the member acts with the new role', async () => {
    const answer = await t.call('PATCH', `/workspaces/acme/members/${newUserId}`, {
      as: 'owner',
      body: { role: 'lead' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.role).toBe('lead');
    const entries = await audit('members.change_role');
    expect(entries[0]!.details).toMatchObject({ from: 'viewer', to: 'lead' });
  });

  it('when the last owner would be demoted or removed, then it answers 409', async () => {
    const ownerId = t.fixture.users.owner.id;
    const demote = await t.call('PATCH', `/workspaces/acme/members/${ownerId}`, {
      as: 'owner',
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    const remove = await t.call('DELETE', `/workspaces/acme/members/${ownerId}`, { as: 'owner' });
    expect(remove.status).toBe(409);
  });

  it('when the owner removes a member, then that member gets 404 for the workspace', async () => {
    const removed = await t.call(
      'DELETE',
      `/workspaces/acme/members/${t.fixture.users.outsider.id}`,
      {
        as: 'owner',
      },
    );
    expect(removed.status).toBe(204);
    const after = await t.call('GET', '/workspaces/acme/settings', { as: 'outsider' });
    expect(after.status).toBe(404);
    const again = await t.call(
      'DELETE',
      `/workspaces/acme/members/${t.fixture.users.outsider.id}`,
      {
        as: 'owner',
      },
    );
    expect(again.status).toBe(404);
    expect(await audit('members.remove')).toHaveLength(1);
  });

  it('when a member of the foreign workspace is named in acme, then it is not found', async () => {
    const answer = await t.call(
      'PATCH',
      `/workspaces/acme/members/${t.fixture.users.outsider.id}`,
      {
        as: 'owner',
        body: { role: 'viewer' },
      },
    );
    expect(answer.status).toBe(404);
  });
});

describe('workspace API keys', () => {
  let created: { id: number; key: string; prefix: string } = { id: 0, key: '', prefix: '' };

  it('when the owner creates a key, then it is returned once and only its hash is stored', async () => {
    const answer = await t.call('POST', '/workspaces/acme/api-keys', {
      as: 'owner',
      body: { name: 'ERP sync' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'ERP sync',
      readOnly: false,
      createdBy: 'owner@acme.test',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(answer.body.key).toMatch(/^yg_/);
    expect(answer.body.key.startsWith(answer.body.prefix)).toBe(true);
    created = answer.body;
    const rows = await t.database.db.selectFrom('api_keys').select('key_hash').execute();
    expect(rows.map((r) => r.key_hash)).not.toContain(created.key);
    expect(await audit('api_keys.create')).toHaveLength(1);
  });

  it('when the owner lists keys, then they show prefix, name, read-only and dates but never the key', async () => {
    const answer = await t.call('GET', '/workspaces/acme/api-keys', { as: 'owner' });
    expect(answer.status).toBe(200);
    expect(answer.body.apiKeys).toHaveLength(3);
    expect(JSON.stringify(answer.body)).not.toContain(created.key);
    expect(answer.body.apiKeys[0]).not.toHaveProperty('key');
    expect(answer.body.apiKeys.map((k: { readOnly: boolean }) => k.readOnly).sort()).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('when a key is used, then last_used_at is set', async () => {
    const use = await t.call('GET', '/workspaces/acme/settings', {
      as: { authorization: `Bearer ${created.key}` },
    });
    expect(use.status).toBe(200);
    const list = await t.call('GET', '/workspaces/acme/api-keys', { as: 'owner' });
    const mine = list.body.apiKeys.find((k: { id: number }) => k.id === created.id);
    expect(mine.lastUsedAt).toEqual(expect.any(String));
  });

  it('when a key acts, then a lead key may not do owner work and a read-only key may not mutate', async () => {
    const asLeadKey = await t.call('POST', '/workspaces/acme/api-keys', {
      as: 'leadKey',
      body: { name: 'sneaky' },
    });
    expect(asLeadKey.status).toBe(403);
    const readOnly = await t.call('PATCH', '/workspaces/acme/settings', {
      as: 'readOnlyKey',
      body: {},
    });
    expect(readOnly.status).toBe(403);
  });

  it('when the owner revokes a key, then it answers 401 from then on and the list shows it revoked', async () => {
    const revoke = await t.call('DELETE', `/workspaces/acme/api-keys/${created.id}`, {
      as: 'owner',
    });
    expect(revoke.status).toBe(204);
    const use = await t.call('GET', '/workspaces/acme/settings', {
      as: { authorization: `Bearer ${created.key}` },
    });
    expect(use.status).toBe(401);
    expect(use.body.error.code).toBe('unauthenticated');
    const list = await t.call('GET', '/workspaces/acme/api-keys', { as: 'owner' });
    expect(list.body.apiKeys.find((k: { id: number }) => k.id === created.id).revokedAt).toEqual(
      expect.any(String),
    );
    expect(
      (await t.call('DELETE', `/workspaces/acme/api-keys/${created.id}`, { as: 'owner' })).status,
    ).toBe(204);
    expect(await audit('api_keys.revoke')).toHaveLength(1);
  });

  it("when the owner names another workspace's key, then it is not found and stays valid", async () => {
    const answer = await t.call(
      'DELETE',
      `/workspaces/acme/api-keys/${t.fixture.keys.foreign.id}`,
      {
        as: 'owner',
      },
    );
    expect(answer.status).toBe(404);
    const me = await t.call('GET', '/me', {
      as: { authorization: `Bearer ${t.fixture.keys.foreign.key}` },
    });
    expect(me.status).toBe(200);
  });

  it('when a key of one workspace calls another, then it answers 404', async () => {
    const answer = await t.call('GET', `/workspaces/${t.fixture.foreign.slug}/settings`, {
      as: 'leadKey',
    });
    expect(answer.status).toBe(404);
  });
});

describe('audit log', () => {
  it('when the owner reads the audit log, then the changes are listed newest first', async () => {
    const answer = await t.call('GET', '/workspaces/acme/audit-log?limit=3', { as: 'owner' });
    expect(answer.status).toBe(200);
    expect(answer.body.entries).toHaveLength(3);
    expect(answer.body.entries[0].action).toBe('api_keys.revoke');
    expect(answer.body.entries[0].actorEmail).toBe('owner@acme.test');
    const older = await t.call(
      'GET',
      `/workspaces/acme/audit-log?before=${answer.body.entries[2].id}`,
      {
        as: 'owner',
      },
    );
    expect(older.body.entries.every((e: { id: number }) => e.id < answer.body.entries[2].id)).toBe(
      true,
    );
  });

  it('when the limit is not a number, then it answers 400', async () => {
    const answer = await t.call('GET', '/workspaces/acme/audit-log?limit=lots', { as: 'owner' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe('query.limit');
  });
});
