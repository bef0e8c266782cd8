import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageRequests } from '@yugang/contract';
import { addDays } from '@yugang/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/fixtures.js';
import { registeredRoutes } from '../http/route.js';
import { answerCache, readModelCache } from '../read-model/read-model-cache.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../test/fixtures/imports/samples');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ warmer: true });
});
afterAll(async () => {
  await t?.close();
});

async function importCsv(kind: string, csv: string | Buffer): Promise<void> {
  const response = await fetch(
    `${t.url}/api/v1/workspaces/${t.fixture.workspace.slug}/imports/${kind}`,
    {
      method: 'POST',
      headers: { ...t.fixture.headers.lead, 'content-type': 'text/csv' },
      body: csv,
    },
  );
  expect(response.status).toBe(200);
}

/**
 * The GETs whose answers the kit keeps per data version (the review among them): what the
 * warm-up must have computed.
 */
const cachedPaths = () =>
  registeredRoutes(t.app)
    .filter((r) => r.cache !== undefined && r.method === 'get' && r.inWorkspace)
    .map((r) => r.path.replace(':ws', t.fixture.workspace.slug));

/** The cached requests the pages make when opened with no search params, as URLs. */
const pageUrls = (latestDay: string) =>
  pageRequests(latestDay).map(({ route, query }) => {
    const search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    );
    return `${route.path.replace(':ws', t.fixture.workspace.slug)}?${search.toString()}`;
  });

/**
 * Asks each cached route once (the review among them), with no query string, then each page's
 * own first requests on `latestDay` (a page's first visit), and returns how many of those gets
 * each cache had to compute.
 */
async function firstVisit(latestDay?: string): Promise<{
  answersKept: number;
  answersComputed: number;
  figuresComputed: number;
}> {
  const answers = answerCache.stats();
  const figures = readModelCache.stats();
  for (const p of [...cachedPaths(), ...(latestDay ? pageUrls(latestDay) : [])]) {
    const { status } = await t.call('GET', p, { as: 'viewer' });
    expect(status, p).toBe(200);
  }
  return {
    answersKept: answerCache.stats().hits - answers.hits,
    answersComputed: answerCache.stats().misses - answers.misses,
    figuresComputed: readModelCache.stats().misses - figures.misses,
  };
}

const summaryOf = async () =>
  (await t.call('GET', '/workspaces/acme/metrics/summary', { as: 'viewer' })).body as {
    window: { from: string; to: string };
    freshness: { latestDataDay: string };
  };

describe('the warm-up computes every page default the routes keep', () => {
  it('lists the pages whose first requests differ from the route defaults', () => {
    expect(pageUrls('2024-03-18')).toEqual(
      expect.arrayContaining([
        '/workspaces/acme/roi?from=2023-03-19&to=2024-03-19',
        '/workspaces/acme/risk?from=2024-02-01&to=2024-03-01',
        '/workspaces/acme/team-kpis?from=2023-03-19&to=2024-03-19',
        '/workspaces/acme/metrics/membership/trend?grain=month&from=2022-04-01&to=2024-04-01',
        '/workspaces/acme/cohorts?basis=first_order&maxK=12',
      ]),
    );
  });

  it('lists the expensive defaults among the cached routes', () => {
    expect(cachedPaths()).toEqual(
      expect.arrayContaining([
        '/workspaces/acme/attribution/split',
        '/workspaces/acme/metrics/membership/trend',
        '/workspaces/acme/team-kpis',
        '/workspaces/acme/roi',
        '/workspaces/acme/review',
        '/workspaces/acme/metrics/trends',
      ]),
    );
  });

  it('when imports land, then the first visit of every cached route, every page and the review computes nothing', async () => {
    for (const kind of ['channels', 'customers', 'orders']) {
      await importCsv(kind, readFileSync(path.join(SAMPLES, `${kind}.csv`)));
    }
    await t.warmer!.settled();
    expect(await firstVisit('2024-03-18')).toEqual({
      answersKept: cachedPaths().length + pageUrls('2024-03-18').length,
      answersComputed: 0,
      figuresComputed: 0,
    });
    const summary = await summaryOf();
    expect(summary.freshness.latestDataDay).toBe('2024-03-18');
    expect(summary.window.to).toBe('2024-03-19');
  });

  it('when a later day is imported, then the warm-up follows the new latest data day', async () => {
    const header = readFileSync(path.join(SAMPLES, 'orders.csv'), 'utf8').split('\n')[0]!;
    await importCsv(
      'orders',
      `${header}\nO9001,C0001,tmall,2024-04-02 10:00,100,40,,已完成,否,0\n`,
    );
    await t.warmer!.settled();
    expect(await firstVisit('2024-04-02')).toEqual({
      answersKept: cachedPaths().length + pageUrls('2024-04-02').length,
      answersComputed: 0,
      figuresComputed: 0,
    });
    const summary = await summaryOf();
    expect(summary.freshness.latestDataDay).toBe('2024-04-02');
    expect(summary.window).toEqual({ from: addDays('2024-04-03', -28), to: '2024-04-03' });
    // A page that sends the default window explicitly finds the same answer.
    const before = answerCache.stats();
    for (const p of [
      `/workspaces/acme/attribution/split?from=${addDays('2024-04-03', -365)}&to=2024-04-03&grain=month`,
      `/workspaces/acme/metrics/summary?from=${summary.window.from}&to=2024-04-03`,
    ]) {
      expect((await t.call('GET', p, { as: 'viewer' })).status, p).toBe(200);
    }
    expect(answerCache.stats().hits - before.hits).toBe(2);
    expect(answerCache.stats().misses).toBe(before.misses);
  });

  it('when the warmer is stopped, then a new version is not warmed and the first visit computes', async () => {
    await t.warmer!.stop();
    const header = readFileSync(path.join(SAMPLES, 'orders.csv'), 'utf8').split('\n')[0]!;
    await importCsv('orders', `${header}\nO9002,C0002,tmall,2024-04-03 10:00,50,20,,已完成,否,0\n`);
    const { answersKept, answersComputed } = await firstVisit();
    expect({ answersKept, answersComputed }).toEqual({
      answersKept: 0,
      answersComputed: cachedPaths().length,
    });
  });
});
