/**
 * One measurement process for bench/tiers.ts: loads the API of the checkout at PROBE_TREE, makes
 * one cold tiers call (the first of this process: empty cache), then warm calls, and prints one
 * JSON line: cold ms, the longest event-loop stall during it, warm times, RSS before the cold
 * call and the process's peak RSS after it.
 *
 * PROBE_MODE=http (default): over HTTP with the API key in PROBE_KEY (createApp + listen).
 * PROBE_MODE=service: the service function in-process, no HTTP and no credentials (for a
 * database that must not be written to: nothing here writes).
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const tree = process.env.PROBE_TREE!;
const mode = process.env.PROBE_MODE ?? 'http';
const url = process.env.DATABASE_URL!;
const slug = process.env.BENCH_SLUG ?? 'demo';
const runs = Number(process.env.BENCH_RUNS ?? 40);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const asOf = process.env.BENCH_AS_OF;

function rssMb(field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
}

const api = `${tree}/apps/api`;
const { openDatabase } = (await import(
  `${api}/src/db/database.ts`
)) as typeof import('../src/db/database.js');
const handle = await openDatabase({ url, poolSize: 4 });
const workspace = await handle.db
  .selectFrom('workspaces')
  .selectAll()
  .where('slug', '=', slug)
  .executeTakeFirstOrThrow();

let call: () => Promise<unknown>;
let close = async () => {};
if (mode === 'http') {
  const { createApp } = (await import(`${api}/src/app.ts`)) as typeof import('../src/app.js');
  const { listen } = (await import(`${api}/test/listen.ts`)) as typeof import('../test/listen.js');
  const server = await listen(createApp({ handle }));
  close = () => server.close();
  const path = `/api/v1/workspaces/${slug}/tiers${asOf ? `?asOf=${asOf}` : ''}`;
  call = async () => {
    const response = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${process.env.PROBE_KEY}` },
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${response.status} ${body}`);
    return JSON.parse(body) as unknown;
  };
} else {
  const service = (await import(`${api}/src/features/tiers/tiers.service.ts`)) as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const { localDateOf } = (await import(`${tree}/packages/metrics/src/index.ts`)) as {
    localDateOf: (d: Date, tz: string) => string;
  };
  const day = asOf ?? localDateOf(new Date(), workspace.time_zone);
  // The cached entry point where the checkout has one, else the plain function.
  const fn = service.cachedTiers ?? service.tiersFromReadModel!;
  call = () => fn(handle.db, workspace, day);
}

// Something small first, so the baseline RSS includes a loaded process and an open pool.
await handle.db.selectFrom('workspaces').select('id').limit(1).execute();
const rssBefore = rssMb('VmRSS');
// The longest the event loop could not run anything else during the cold call (a server stall).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let started = performance.now();
const first = await call();
const coldMs = performance.now() - started;
loopDelay.disable();
const stallMs = loopDelay.max / 1e6;
const peakMb = rssMb('VmHWM');
const warm: number[] = [];
for (let i = 0; i < warmup; i++) await call();
for (let i = 0; i < runs; i++) {
  started = performance.now();
  await call();
  warm.push(performance.now() - started);
}
await close();
await handle.close();
console.log(JSON.stringify({ coldMs, stallMs, warm, rssBefore, peakMb, first }));
