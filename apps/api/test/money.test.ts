import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('one money unit', () => {
  it('when a lead loads ¥12,345.67, then every answer says 12345.67 yuan, exactly, and the document says yuan', async () => {
    const ingest = (kind: string, rows: unknown[]) =>
      t.call('POST', `/workspaces/acme/ingest/${kind}`, { as: 'lead', body: rows });
    expect(
      (
        await ingest('channels', [
          {
            code: 'tmall',
            name: '天猫',
            domain: 'public',
            kind: 'marketplace',
            commission_rate: '0.05',
          },
        ])
      ).status,
    ).toBe(200);
    expect(
      (
        await ingest('customers', [
          { customer_id: 'C1', acquired_at: '2026-03-02', acquisition_channel: 'tmall' },
        ])
      ).status,
    ).toBe(200);
    const orders = await ingest('orders', [
      {
        order_id: 'O1',
        customer_id: 'C1',
        channel: 'tmall',
        ordered_at: '2026-03-03 10:00',
        amount: '12345.67',
        gross_profit: '4567.89',
        status: 'completed',
      },
    ]);
    expect(orders.status).toBe(200);
    const summary = await t.call(
      'GET',
      '/workspaces/acme/metrics/summary?from=2026-03-01&to=2026-04-01',
      { as: 'viewer' },
    );
    expect(summary.status).toBe(200);
    expect(summary.body.metrics.gmv.all.value).toBe(12345.67);
    expect(summary.body.metrics.gross_profit.all.value).toBe(4567.89);
    expect(summary.body.freshness.latestDataDay).toBe('2026-03-03');
    const attribution = await t.call('GET', '/workspaces/acme/attribution?month=2026-03', {
      as: 'viewer',
    });
    expect(attribution.body.rows.map((r: { total: number }) => r.total)).toEqual([12345.67]);
    const doc = await t.call('GET', '/openapi.json');
    expect(doc.body.info.description).toContain('yuan');
  });
});
