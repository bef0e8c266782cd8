import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../src/features/members/add-member.js';
import { FIXTURE_PASSWORD, startTestApp, type TestApp } from './fixtures.js';

let t: TestApp;

beforeAll(async () => {
  // These tests play a proxy on loopback that says https and names the public host.
  t = await startTestApp({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await t?.close();
});

function sessionCookie(headers: Headers): string {
  const set = headers.getSetCookie().find((c) => c.startsWith('yg_session='));
  if (!set) throw new Error('no session cookie');
  return set.split(';')[0]!;
}

describe('POST /auth/login', () => {
  it('when the email and password are right, then it sets an httpOnly SameSite=Lax session cookie', async () => {
    const { users } = t.fixture;
    const answer = await t.call('POST', '/auth/login', {
      body: { email: users.lead.email.toUpperCase(), password: FIXTURE_PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      user: { id: users.lead.id, email: users.lead.email, name: 'lead' },
    });
    const set = answer.headers.getSetCookie().join('\n');
    expect(set).toMatch(/yg_session=[^;]+;/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).not.toMatch(/Secure/);
    const token = sessionCookie(answer.headers).split('=')[1]!;
    const stored = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const me = await t.call('GET', '/me', { as: { cookie: sessionCookie(answer.headers) } });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(users.lead.email);
  });

  it('when the browser still holds an expired or unknown session cookie, then signing in works', async () => {
    const answer = await t.call('POST', '/auth/login', {
      as: { cookie: 'yg_session=stale-token' },
      body: { email: t.fixture.users.lead.email, password: FIXTURE_PASSWORD },
    });
    expect(answer.status).toBe(200);
  });

  it('when the request comes through https, then the cookie is Secure', async () => {
    const answer = await t.call('POST', '/auth/login', {
      headers: { 'x-forwarded-proto': 'https' },
      body: { email: t.fixture.users.viewer.email, password: FIXTURE_PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.getSetCookie().join('\n')).toMatch(/Secure/);
  });

  it('when the password is wrong or the email unknown, then both answer the same 401', async () => {
    const wrong = await t.call('POST', '/auth/login', {
      body: { email: t.fixture.users.owner.email, password: 'not the password' },
    });
    const unknown = await t.call('POST', '/auth/login', {
      body: { email: 'nobody@nowhere.test', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('when the body is malformed, then it answers 400 invalid_request or invalid_json', async () => {
    const missing = await t.call('POST', '/auth/login', { body: { email: 'a@b.c' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_request');
    expect(missing.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'body.password' }),
    );
    const broken = await t.call('POST', '/auth/login', { body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    const noBody = await t.call('POST', '/auth/login');
    expect(noBody.status).toBe(400);
    expect(noBody.body.error.code).toBe('invalid_request');
  });

  it('when one IP and email fail 10 times, then the 11th attempt answers 429 with Retry-After, even with the right password', async () => {
    const email = t.fixture.users.viewer.email;
    for (let i = 0; i < 10; i++) {
      const answer = await t.call('POST', '/auth/login', {
        body: { email, password: `wrong ${i}` },
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await t.call('POST', '/auth/login', {
      body: { email, password: FIXTURE_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const other = await t.call('POST', '/auth/login', {
      body: { email: t.fixture.users.owner.email, password: FIXTURE_PASSWORD },
    });
    expect(other.status).toBe(200);
  });

  it('when a cookie-authenticated mutation comes from another origin, then it answers 403', async () => {
    const answer = await t.call('POST', '/auth/login', {
      headers: { origin: 'https://evil.example' },
      body: { email: t.fixture.users.owner.email, password: FIXTURE_PASSWORD },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('cross_origin');
    const same = await t.call('POST', '/auth/login', {
      headers: { origin: t.url },
      body: { email: t.fixture.users.owner.email, password: FIXTURE_PASSWORD },
    });
    expect(same.status).toBe(200);
    const proxied = await t.call('POST', '/auth/login', {
      headers: {
        origin: 'https://yugang.brand.cn',
        'x-forwarded-host': 'yugang.brand.cn',
        'x-forwarded-proto': 'https',
      },
      body: { email: t.fixture.users.owner.email, password: FIXTURE_PASSWORD },
    });
    expect(proxied.status).toBe(200);
    // Same host, another scheme or port: another origin.
    const port = new URL(t.url).port;
    for (const origin of [
      t.url.replace('http://', 'https://'),
      `http://127.0.0.1:${Number(port) + 1}`,
    ]) {
      const other = await t.call('POST', '/auth/login', {
        headers: { origin },
        body: { email: t.fixture.users.owner.email, password: FIXTURE_PASSWORD },
      });
      expect(other.status, origin).toBe(403);
    }
  });
});

describe('POST /auth/logout', () => {
  it('when signed in, then the session ends and the cookie no longer works', async () => {
    const login = await t.call('POST', '/auth/login', {
      body: { email: t.fixture.users.owner.email, password: FIXTURE_PASSWORD },
    });
    const cookie = sessionCookie(login.headers);
    const out = await t.call('POST', '/auth/logout', { as: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join('\n')).toMatch(/yg_session=;.*Expires=Thu, 01 Jan 1970/);
    const me = await t.call('GET', '/me', { as: { cookie } });
    expect(me.status).toBe(401);
  });

  it('when not signed in, then it still answers 204', async () => {
    expect((await t.call('POST', '/auth/logout')).status).toBe(204);
  });
});

describe('GET /me', () => {
  it('when there is no cookie, then it answers 401', async () => {
    const answer = await t.call('GET', '/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('unauthenticated');
  });

  it('when the cookie is unknown, then it answers 401', async () => {
    const answer = await t.call('GET', '/me', { as: { cookie: 'yg_session=forged' } });
    expect(answer.status).toBe(401);
  });

  it('when a user asks, then it lists their workspaces with slug, name and role', async () => {
    const answer = await t.call('GET', '/me', { as: 'owner' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      user: { id: t.fixture.users.owner.id, email: t.fixture.users.owner.email, name: 'owner' },
      apiKey: null,
      memberships: [{ slug: 'acme', name: 'acme 品牌', timeZone: 'Asia/Shanghai', role: 'owner' }],
    });
  });

  it('when an API key asks, then it names the key and its one workspace', async () => {
    const answer = await t.call('GET', '/me', { as: 'readOnlyKey' });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toBeNull();
    expect(answer.body.apiKey.prefix).toBe(t.fixture.keys.readOnly.prefix);
    expect(answer.body.memberships).toEqual([
      { slug: 'acme', name: 'acme 品牌', timeZone: 'Asia/Shanghai', role: 'viewer' },
    ]);
  });

  it('when the bearer token is not a Yugang key, then it answers 401', async () => {
    for (const authorization of ['Bearer yg_nope', 'Basic abc', 'Bearer']) {
      const answer = await t.call('GET', '/me', { as: { authorization } });
      expect(answer.status).toBe(401);
    }
  });
});

describe('POST /auth/password', () => {
  it('when the current password is right, then the new one works and other sessions end', async () => {
    const email = 'changer@acme.test';
    await addMember(t.database.db, {
      email,
      password: FIXTURE_PASSWORD,
      workspaceId: t.fixture.workspace.id,
      role: 'viewer',
    });
    const first = await t.call('POST', '/auth/login', {
      body: { email, password: FIXTURE_PASSWORD },
    });
    const second = await t.call('POST', '/auth/login', {
      body: { email, password: FIXTURE_PASSWORD },
    });
    const keep = sessionCookie(first.headers);
    const changed = await t.call('POST', '/auth/password', {
      as: { cookie: keep },
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'a much newer secret' },
    });
    expect(changed.status).toBe(204);
    expect((await t.call('GET', '/me', { as: { cookie: keep } })).status).toBe(200);
    expect(
      (await t.call('GET', '/me', { as: { cookie: sessionCookie(second.headers) } })).status,
    ).toBe(401);
    const oldLogin = await t.call('POST', '/auth/login', {
      body: { email, password: FIXTURE_PASSWORD },
    });
    expect(oldLogin.status).toBe(401);
    const newLogin = await t.call('POST', '/auth/login', {
      body: { email, password: 'a much newer secret' },
    });
    expect(newLogin.status).toBe(200);
  });

  it('when the current password is wrong or the new one too short, then it answers 400', async () => {
    const wrong = await t.call('POST', '/auth/password', {
      as: 'lead',
      body: { currentPassword: 'nope', newPassword: 'long enough pw' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    const short = await t.call('POST', '/auth/password', {
      as: 'lead',
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('invalid_request');
  });

  it('when an API key or nobody asks, then it is refused', async () => {
    const body = { currentPassword: FIXTURE_PASSWORD, newPassword: 'long enough pw' };
    expect((await t.call('POST', '/auth/password', { as: 'leadKey', body })).status).toBe(403);
    expect((await t.call('POST', '/auth/password', { body })).status).toBe(401);
  });
});
