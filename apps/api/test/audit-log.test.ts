/**
 * The audit log holds who signed in (and who failed to), imported, exported, and changed settings,
 * members and keys: each action is performed over HTTP and read back from GET audit-log, which
 * only owners may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, startTestApp, type TestApp } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

interface Entry {
  action: string;
  target: string;
  actorUserId: number | null;
  actorApiKeyId: number | null;
  details: Record<string, unknown>;
}

describe('GET /workspaces/:ws/audit-log', () => {
  it('when each audited action is done over HTTP, then each is in the log with its actor', async () => {
    const ws = `/workspaces/${t.fixture.workspace.slug}`;
    const { owner, lead } = t.fixture.users;
    const expectStatus = async (
      answer: Promise<{ status: number; body: unknown }>,
      status: number,
    ) => {
      const { status: got, body } = await answer;
      expect(got, JSON.stringify(body)).toBe(status);
    };

    // Sign-ins.
    const login = (password: string) =>
      t.call('POST', '/auth/login', { body: { email: owner.email, password } });
    await expectStatus(login('not the password'), 401);
    await expectStatus(login(FIXTURE_PASSWORD), 200);

    // Imports: a JSON ingest by an API key and a CSV upload by a lead; a dry run is not recorded.
    const rows = [{ account_id: 'K1', kind: 'wecom', registered_at: '2024-01-02' }];
    await expectStatus(t.call('POST', `${ws}/ingest/accounts`, { as: 'leadKey', body: rows }), 200);
    await expectStatus(
      t.call('POST', `${ws}/ingest/accounts?dryRun=true`, { as: 'leadKey', body: rows }),
      200,
    );
    await expectStatus(
      t.call('POST', `${ws}/imports/accounts?wait=true&fileName=accounts.csv`, {
        as: 'lead',
        headers: { 'content-type': 'text/csv' },
        body: 'account_id,kind,registered_at\nK2,wecom,2024-01-03\n',
      }),
      200,
    );

    // Exports: a tier segment and the review deck.
    await expectStatus(
      t.call('GET', `${ws}/tiers/export.csv?tier=high_value`, { as: 'lead' }),
      200,
    );
    await expectStatus(t.call('GET', `${ws}/review.pptx?lang=en`, { as: 'viewer' }), 200);

    // Settings, members, keys.
    await expectStatus(
      t.call('PATCH', `${ws}/settings`, { as: 'owner', body: { name: 'Audited 品牌' } }),
      200,
    );
    const added = await t.call('POST', `${ws}/members`, {
      as: 'owner',
      body: { email: 'new.member@acme.test', role: 'viewer' },
    });
    expect(added.status).toBe(201);
    const newId = added.body.member.userId as number;
    await expectStatus(
      t.call('PATCH', `${ws}/members/${newId}`, { as: 'owner', body: { role: 'lead' } }),
      200,
    );
    await expectStatus(t.call('DELETE', `${ws}/members/${newId}`, { as: 'owner' }), 204);
    const key = await t.call('POST', `${ws}/api-keys`, {
      as: 'owner',
      body: { name: 'audited key', readOnly: true },
    });
    expect(key.status).toBe(201);
    await expectStatus(t.call('DELETE', `${ws}/api-keys/${key.body.id}`, { as: 'owner' }), 204);

    const log = await t.call<{ entries: Entry[] }>('GET', `${ws}/audit-log?limit=100`, {
      as: 'owner',
    });
    expect(log.status).toBe(200);
    const by = (action: string) => log.body.entries.filter((e) => e.action === action);
    const byOwner = { actorUserId: owner.id };

    expect(by('auth.login_failed')).toEqual([expect.objectContaining({ target: owner.email })]);
    expect(by('auth.login')).toEqual([
      expect.objectContaining({ target: owner.email, ...byOwner }),
    ]);
    expect(by('imports.run')).toEqual([
      expect.objectContaining({
        target: 'accounts.csv',
        actorUserId: lead.id,
        details: expect.objectContaining({ kind: 'accounts', status: 'succeeded', inserted: 1 }),
      }),
      expect.objectContaining({
        actorApiKeyId: t.fixture.keys.lead.id,
        details: expect.objectContaining({ kind: 'accounts', status: 'succeeded' }),
      }),
    ]);
    expect(by('tiers.export')).toEqual([
      expect.objectContaining({ target: 'tier:high_value', actorUserId: lead.id }),
    ]);
    expect(by('review.export')).toEqual([
      expect.objectContaining({
        actorUserId: t.fixture.users.viewer.id,
        details: { format: 'pptx' },
      }),
    ]);
    expect(by('settings.update')).toEqual([expect.objectContaining(byOwner)]);
    for (const action of ['members.add', 'members.change_role', 'members.remove']) {
      expect(by(action), action).toEqual([expect.objectContaining(byOwner)]);
    }
    for (const action of ['api_keys.create', 'api_keys.revoke']) {
      expect(by(action), action).toEqual([expect.objectContaining(byOwner)]);
    }
  });

  it('when a lead, a viewer or an API key asks for the log, then the answer is 403', async () => {
    const path = `/workspaces/${t.fixture.workspace.slug}/audit-log`;
    for (const as of ['lead', 'viewer', 'leadKey'] as const) {
      expect((await t.call('GET', path, { as })).status, as).toBe(403);
    }
  });
});
