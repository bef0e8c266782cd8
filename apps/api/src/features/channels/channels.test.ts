import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { IMPORT_TEMPLATES } from '../imports/import-templates.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  for (const kind of ['channels', 'customers', 'orders'] as const) {
    const response = await fetch(`${t.url}/api/v1/workspaces/acme/imports/${kind}`, {
      method: 'POST',
      headers: { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
      body: IMPORT_TEMPLATES[kind],
    });
    expect(response.status, kind).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('GET channels', () => {
  it('when channels and orders are loaded, then a viewer sees each channel with its domain and order count', async () => {
    const answer = await t.call<{ channels: unknown[] }>('GET', '/workspaces/acme/channels', {
      as: 'viewer',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.channels).toEqual([
      {
        code: 'community',
        name: '社群',
        domain: 'private',
        kind: 'group',
        commissionRate: null,
        orders: expect.any(Number),
      },
      {
        code: 'miniapp',
        name: '小程序商城',
        domain: 'private',
        kind: 'mini_program',
        commissionRate: 0,
        orders: expect.any(Number),
      },
      {
        code: 'wecom',
        name: '企业微信',
        domain: 'private',
        kind: 'wecom',
        commissionRate: null,
        orders: expect.any(Number),
      },
      {
        code: 'douyin_live',
        name: '抖音直播间',
        domain: 'public',
        kind: 'live',
        commissionRate: 0.08,
        orders: expect.any(Number),
      },
      {
        code: 'jd',
        name: '京东自营',
        domain: 'public',
        kind: 'marketplace',
        commissionRate: 0.06,
        orders: expect.any(Number),
      },
      {
        code: 'tmall',
        name: '天猫旗舰店',
        domain: 'public',
        kind: 'marketplace',
        commissionRate: 0.05,
        orders: expect.any(Number),
      },
    ]);
    const orders = IMPORT_TEMPLATES.orders.trim().split('\n').slice(1);
    const counted = answer.body.channels as { code: string; orders: number }[];
    for (const c of counted) {
      expect(c.orders, c.code).toBe(orders.filter((line) => line.split(',')[2] === c.code).length);
    }
  });

  it('when the other workspace asks, then it sees none of these channels', async () => {
    const answer = await t.call<{ channels: unknown[] }>('GET', '/workspaces/acme/channels', {
      as: 'outsider',
    });
    expect(answer.status).toBe(404);
  });
});
