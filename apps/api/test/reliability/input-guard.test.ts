import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badString, findBadValue, MAX_STRING_LENGTH } from '../../src/http/input-guard.js';
import { startTestApp, type TestApp } from '../fixtures.js';

describe('badString', () => {
  it('when a string has a NUL, a lone surrogate or too many characters, then it is refused; paired surrogates pass', () => {
    expect(badString('a\u0000b')).toMatch(/NUL/);
    expect(badString('\uD800')).toMatch(/surrogate/);
    expect(badString('x\uDC00')).toMatch(/surrogate/);
    expect(badString('x'.repeat(MAX_STRING_LENGTH + 1))).toMatch(/longer/);
    expect(badString('x'.repeat(MAX_STRING_LENGTH))).toBeUndefined();
    expect(badString('鱼缸 🐟')).toBeUndefined();
  });

  it('when a value is nested deep in a body, then its path is named', () => {
    expect(findBadValue({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toEqual([
      'body.a.1.c',
      expect.stringMatching(/NUL/),
    ]);
    expect(findBadValue({ 'k\u0000': 1 }, 'body')?.[1]).toMatch(/name/);
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the input guard on the API', () => {
  const expectInvalid = (answer: { status: number; body: { error?: { code?: string } } }) => {
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('invalid_request');
  };

  it('when a query value holds a NUL byte or is too long, then it answers 400 invalid_request', async () => {
    expectInvalid(await t.call('GET', '/workspaces/acme/settings?x=%00', { as: 'owner' }));
    expectInvalid(
      await t.call('GET', `/workspaces/acme/settings?x=${'a'.repeat(10_001)}`, { as: 'owner' }),
    );
  });

  it('when a path segment holds a NUL byte or a broken escape, then it answers 400', async () => {
    expectInvalid(await t.call('GET', '/workspaces/ac%00me/settings', { as: 'owner' }));
    expectInvalid(await t.call('GET', '/workspaces/%ED%A0%80/settings', { as: 'owner' }));
  });

  it('when a JSON body holds a NUL byte or an unpaired surrogate, then it answers 400 before any route runs', async () => {
    for (const raw of [
      '{"email":"a\\u0000@b.cn","password":"x"}',
      '{"email":"\\ud800","password":"x"}',
    ]) {
      expectInvalid(await t.call('POST', '/auth/login', { body: raw }));
    }
    expectInvalid(
      await t.call('PUT', '/workspaces/acme/settings', {
        as: 'owner',
        body: { sensitiveWords: ['ok', 'bad\u0000'] },
      }),
    );
  });

  it('when JSON is malformed or nested absurdly deep, then it answers 400, not 500', async () => {
    const malformed = await t.call('POST', '/auth/login', { body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    const deep = await t.call('POST', '/auth/login', {
      body: `${'['.repeat(100)}${']'.repeat(100)}`,
    });
    expect(deep.status).toBe(400);
  });
});
