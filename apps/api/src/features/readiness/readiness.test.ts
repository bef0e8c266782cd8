import { READINESS_QUESTIONS } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/fixtures.js';

let t: TestApp;
const ws = () => t.fixture.workspace.slug;

/** Every question answered at its best: scale 5, yes. */
const allBest = Object.fromEntries(
  READINESS_QUESTIONS.map((q) => [q.id, q.kind === 'scale' ? 5 : true]),
);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('readiness', () => {
  it('when nothing is recorded, then GET gives the questions and no latest assessment', async () => {
    const res = await t.call('GET', `/workspaces/${ws()}/readiness`, { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.questions).toHaveLength(READINESS_QUESTIONS.length);
    expect(res.body.latest).toBeNull();
    expect(res.body.organisation).toEqual({
      privateLaunchedOn: null,
      monthsSinceLaunch: null,
      stage: null,
    });
  });

  it('when a lead records answers, then they are scored and become the latest', async () => {
    const first = READINESS_QUESTIONS[0]!;
    const created = await t.call('POST', `/workspaces/${ws()}/readiness`, {
      as: 'lead',
      body: { answers: { [first.id]: first.kind === 'scale' ? 3 : false } },
    });
    expect(created.status).toBe(201);
    expect(created.body.result.overall).toBeNull();
    const best = await t.call('POST', `/workspaces/${ws()}/readiness`, {
      as: 'owner',
      body: { answers: allBest },
    });
    expect(best.body.result).toMatchObject({ overall: 100, ready: true, gaps: [] });
    const res = await t.call('GET', `/workspaces/${ws()}/readiness`, { as: 'viewer' });
    expect(res.body.latest.id).toBe(best.body.id);
    expect(res.body.history.map((a: { id: number }) => a.id)).toEqual([
      best.body.id,
      created.body.id,
    ]);
  });

  it('when the workspace launched 8 months ago, then the stage is 1→10', async () => {
    const launched = new Date();
    launched.setUTCMonth(launched.getUTCMonth() - 8, 1);
    await t.database.db
      .updateTable('workspaces')
      .set({ private_launched_on: launched.toISOString().slice(0, 10) })
      .where('id', '=', t.fixture.workspace.id)
      .execute();
    const res = await t.call('GET', `/workspaces/${ws()}/readiness`, { as: 'viewer' });
    expect(res.body.organisation.monthsSinceLaunch).toBe(8);
    expect(res.body.organisation.stage).toMatchObject({ stage: '1_to_10', number: 2 });
  });

  it('when an answer names no question, has the wrong kind or is out of range, then 400', async () => {
    const scale = READINESS_QUESTIONS.find((q) => q.kind === 'scale')!;
    const yesNo = READINESS_QUESTIONS.find((q) => q.kind === 'yes_no');
    const bad: Record<string, unknown>[] = [
      { nope: 3 },
      { [scale.id]: 6 },
      { [scale.id]: true },
      {},
    ];
    if (yesNo) bad.push({ [yesNo.id]: 5 });
    for (const answers of bad) {
      const res = await t.call('POST', `/workspaces/${ws()}/readiness`, {
        as: 'lead',
        body: { answers },
      });
      expect(res.status, JSON.stringify(answers)).toBe(400);
    }
  });

  it('when a viewer records answers, then 403; a lead may delete an assessment once', async () => {
    const denied = await t.call('POST', `/workspaces/${ws()}/readiness`, {
      as: 'viewer',
      body: { answers: allBest },
    });
    expect(denied.status).toBe(403);
    const created = await t.call('POST', `/workspaces/${ws()}/readiness`, {
      as: 'lead',
      body: { answers: allBest },
    });
    const path = `/workspaces/${ws()}/readiness/${created.body.id}`;
    expect((await t.call('DELETE', path, { as: 'lead' })).status).toBe(204);
    expect((await t.call('DELETE', path, { as: 'lead' })).status).toBe(404);
  });
});
