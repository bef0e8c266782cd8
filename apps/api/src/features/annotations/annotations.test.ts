import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

let t: TestApp;
const ws = () => t.fixture.workspace.slug;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('annotations', () => {
  it('when a lead adds annotations, then GET lists those dated in [from, to)', async () => {
    for (const [date, text] of [
      ['2024-03-01', '618 预热'],
      ['2024-03-31', '换了社群运营'],
      ['2024-04-01', '下个月'],
    ]) {
      const res = await t.call('POST', `/workspaces/${ws()}/annotations`, {
        as: 'lead',
        body: { date, text },
      });
      expect(res.status).toBe(201);
    }
    const res = await t.call(
      'GET',
      `/workspaces/${ws()}/annotations?from=2024-03-01&to=2024-04-01`,
      {
        as: 'viewer',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.annotations.map((a: { text: string }) => a.text)).toEqual([
      '618 预热',
      '换了社群运营',
    ]);
  });

  it('when an annotation is patched and deleted, then the changes show and a second delete is 404', async () => {
    const created = await t.call('POST', `/workspaces/${ws()}/annotations`, {
      as: 'owner',
      body: { date: '2024-05-01', text: 'x' },
    });
    const id = created.body.id;
    const patched = await t.call('PATCH', `/workspaces/${ws()}/annotations/${id}`, {
      as: 'leadKey',
      body: { text: '五一大促' },
    });
    expect(patched.body).toMatchObject({ id, date: '2024-05-01', text: '五一大促' });
    expect(
      (await t.call('DELETE', `/workspaces/${ws()}/annotations/${id}`, { as: 'lead' })).status,
    ).toBe(204);
    expect(
      (await t.call('DELETE', `/workspaces/${ws()}/annotations/${id}`, { as: 'lead' })).status,
    ).toBe(404);
  });

  it('when the text is empty, too long or the date is invalid, then 400', async () => {
    for (const body of [
      { date: '2024-05-01', text: '' },
      { date: '2024-05-01', text: 'x'.repeat(501) },
      { date: '2024-02-30', text: 'x' },
    ]) {
      const res = await t.call('POST', `/workspaces/${ws()}/annotations`, { as: 'lead', body });
      expect(res.status).toBe(400);
    }
    const empty = await t.call('PATCH', `/workspaces/${ws()}/annotations/1`, {
      as: 'lead',
      body: {},
    });
    expect(empty.status).toBe(400);
  });

  it('when a viewer adds an annotation, then 403', async () => {
    const res = await t.call('POST', `/workspaces/${ws()}/annotations`, {
      as: 'viewer',
      body: { date: '2024-05-01', text: 'x' },
    });
    expect(res.status).toBe(403);
  });
});
