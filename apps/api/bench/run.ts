/**
 * Read-model bench (`pnpm bench` from the repo root, or `pnpm --filter @yugang/api bench`).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/yugang_bench pnpm bench
 *   (optional: BENCH_SLUG=demo, BENCH_RUNS=40, BENCH_RAW_RUNS=3 (0: none),
 *   BENCH_PARTS=rebuild,http,duckdb,incremental, BENCH_CHECK=0 to skip the
 *   incremental-vs-rebuild row comparison, BENCH_ENDPOINTS=<regex> to run only the endpoints and
 *   DuckDB comparisons whose name matches: summary, trends gmv by month, trends repeat rate by
 *   week, attribution by month, cohorts, first order / private join, ltv, roi, team kpis)
 *
 * On a database loaded with `yg demo --customers N`, measures in one run:
 * 1. a full rebuild of the read model (yg refresh);
 * 2. every dashboard endpoint warm over HTTP (p50/p95), and the same figures by direct SQL over
 *    the raw orders table (p50/p95 of fewer runs), with the ratio;
 * 3. every endpoint whose answer is computable from the raw rows (duckdb-baseline.ts: summary,
 *    trends by month and by week, attribution, cohorts, historical LTV, ROI, team KPIs)
 *    uncached against DuckDB on the same raw rows, exported once per data size: each request's
 *    figures checked equal, API and DuckDB p50/p95 and their ratio (the summary also against raw
 *    Postgres over BENCH_RAW_WINDOWS, default 5);
 * 4. absorbing one day of 10k new orders (applyOrderChanges), and a late-arriving day inside the
 *    history; then a full rebuild and a check that it gives identical rows; then the bench
 *    orders are removed again and absorbed, so the database is left as it was.
 * Each endpoint's row also gives its uncached p50/p95 (both answer caches bypassed; the caller,
 * the data version and its freshness are kept as for any request, recent.ts): over BENCH_WINDOWS
 * (default 20) distinct random windows of 1 day to 24 months for the windowed endpoints, repeated
 * calls for the others (BENCH_SLOW_RUNS, default 2, for tiers and predicted LTV); the DuckDB part
 * uses the same windows. The machine's load average is printed per row. The http and duckdb
 * parts write nothing but the bench's api key (deleted at the end).
 * Without DATABASE_URL it says so and exits 0 (the bench needs real Postgres and data).
 */
import { addDays } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import { createApp } from '../src/app.js';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database, Workspace } from '../src/db/schema.js';
import { createApiKey } from '../src/features/api-keys/api-keys.service.js';
import {
  applyOrderChanges,
  READ_MODEL_TABLES,
  rebuildReadModel,
} from '../src/read-model/read-model.refresh.js';
import { loadavg } from 'node:os';
import { answerCache, readModelCache } from '../src/read-model/read-model-cache.js';
import { readModelSettings } from '../src/read-model/read-model.settings.js';
import { listen } from '../test/listen.js';
import { openDuckBaseline } from './duckdb-baseline.js';
import { rawQueries, rawSummaryWindow } from './raw-queries.js';

const url = process.env.DATABASE_URL;
const slug = process.env.BENCH_SLUG ?? 'demo';
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 3);
const NEW_ORDERS = 10_000;
/** Which parts to run: any of rebuild, http, duckdb, incremental (default all). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'rebuild,http,duckdb,incremental').split(','));
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 20);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 2);
const RAW_WINDOWS = Number(process.env.BENCH_RAW_WINDOWS ?? 5);

type Endpoint = {
  name: string;
  path: string;
  raw?: string;
  /** The same request over another window (uncached figures over random windows). */
  windowed?: (from: string, to: string) => string;
  /** Seconds per uncached call: timed BENCH_SLOW_RUNS times only. */
  slow?: boolean;
};

const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

function setCaches(on: boolean): void {
  readModelCache.bypass = !on;
  answerCache.bypass = !on;
}

/** Distinct [from, to) windows of 1 day to 24 months inside [first, end], any alignment. */
function randomWindows(first: string, end: string, count: number): { from: string; to: string }[] {
  // mulberry32: the LCG this replaced multiplied past 2^53 in floating point, and its 20 draws at
  // 3M were all 1–189 days long, so no 24-month window was ever timed.
  let seed = 20261001;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const span = (Date.parse(end) - Date.parse(first)) / 86_400_000;
  const seen = new Set<string>();
  const out: { from: string; to: string }[] = [];
  for (let i = 0; out.length < count; i++) {
    // Lengths spread evenly on a log scale from 1 day to 730 (both ends always in), each at a
    // random place in the data.
    const step = (i % count) / Math.max(1, count - 1);
    const length = Math.max(1, Math.min(730, span - 1, Math.round(Math.exp(step * Math.log(730)))));
    const to = addDays(end, -Math.floor(next() * (span - length)));
    const from = addDays(to, -length);
    if (seen.has(`${from}/${to}`)) continue;
    seen.add(`${from}/${to}`);
    out.push({ from, to });
  }
  return out;
}

type Db = Kysely<Database>;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;

async function main(): Promise<void> {
  if (!url) {
    console.log('read-model bench: set DATABASE_URL to a Postgres database loaded with yg demo');
    return;
  }
  const handle = await openDatabase({ url, poolSize: 8 });
  try {
    await migrateToLatest(handle.db);
    await run(handle);
  } finally {
    await handle.close();
  }
}

async function run(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  const workspace = await db
    .selectFrom('workspaces')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!workspace) throw new Error(`no workspace ${slug}: run yg demo first`);
  const ws = Number(workspace.id);
  const size = await sql<{
    customers: number;
    orders: number;
    conversations: number;
    last: string;
    first: string;
  }>`
    select (select count(*) from customers where workspace_id = ${ws}) as customers,
      (select count(*) from conversations where workspace_id = ${ws}) as conversations,
      (select count(*) from orders where workspace_id = ${ws}) as orders,
      (select max(local_date) from orders where workspace_id = ${ws}) as last,
      (select min(local_date) from orders where workspace_id = ${ws}) as first`.execute(db);
  const info = size.rows[0]!;
  console.log(
    `workspace ${slug}: ${info.customers} customers, ${info.orders} orders, ${info.first} … ${info.last}`,
  );

  // 1. Full rebuild.
  if (PARTS.has('rebuild')) {
    const [rebuilt, rebuildMs] = await time(() => rebuildReadModel(handle, ws));
    console.log(
      `full rebuild: ${(rebuildMs / 1000).toFixed(1)} s (${rebuilt.customers} customers)`,
    );
    // Only after a rebuild: a run of the http and duckdb parts alone writes nothing but its api
    // key, so it can read a database others share.
    await sql`analyze`.execute(db);
  }
  await tableSizes(db, ws);

  // 2. Endpoints over HTTP vs raw SQL.
  const end = addDays(info.last, 1);
  const lastMonth = `${info.last.slice(0, 7)}-01`;
  const monday = mondayBefore(end);
  const summaryAt = (from: string, to: string) => `/metrics/summary?from=${from}&to=${to}`;
  const endpoints: (Endpoint & { raw?: keyof ReturnType<typeof rawQueries> })[] = [
    {
      name: 'summary, last 28 days (custom window)',
      path: `/metrics/summary?from=${addDays(end, -28)}&to=${end}`,
      raw: 'summary28',
      windowed: summaryAt,
    },
    {
      name: 'summary, last full week (stored week)',
      path: `/metrics/summary?from=${addDays(monday, -7)}&to=${monday}`,
      raw: 'summaryWeek',
      windowed: summaryAt,
    },
    {
      name: 'summary, last month (stored month + custom previous)',
      path: `/metrics/summary?from=${lastMonth}&to=${end}`,
      raw: 'summaryMonth',
      windowed: summaryAt,
    },
    {
      name: 'trends gmv by month, 12 months',
      path: `/metrics/trends?metric=gmv&grain=month&from=${addDays(end, -365)}&to=${end}`,
      raw: 'trendsMonth',
      windowed: (from, to) => `/metrics/trends?metric=gmv&grain=month&from=${from}&to=${to}`,
    },
    {
      name: 'trends repeat rate by week, 12 weeks',
      path: `/metrics/trends?metric=repeat_purchase_rate&grain=week&from=${addDays(monday, -84)}&to=${monday}`,
      raw: 'trendsWeek',
    },
    {
      name: 'cohorts, first order (36 months)',
      path: '/cohorts?basis=first_order',
      raw: 'cohorts',
    },
    { name: 'cohorts, private join', path: '/cohorts?basis=private_join', raw: 'cohortsJoin' },
    {
      name: 'ltv gmv by group, first order',
      path: '/ltv?basis=first_order&measure=gmv',
      raw: 'ltv',
    },
    { name: 'attribution by month', path: '/attribution?grain=month', raw: 'attribution' },
    {
      // Stored per read-model version (rm_tiers): only the first call of a version computes.
      name: 'tiers with movement (raw: recency only)',
      path: `/tiers?asOf=${end}`,
      raw: 'tiers',
      slow: true,
    },
    // The other dashboard reads (no raw-SQL twin here: they read small base tables or the
    // rollups above, or cache a model fit).
    { name: 'ltv predicted (stored model)', path: `/ltv/predicted?asOf=${end}`, slow: true },
    {
      name: 'roi, last 12 months',
      path: `/roi?from=${addDays(end, -365)}&to=${end}`,
      windowed: (from, to) => `/roi?from=${from}&to=${to}`,
    },
    { name: 'community', path: `/community?asOf=${end}` },
    {
      name: 'risk, last 28 days',
      path: `/risk?from=${addDays(end, -28)}&to=${end}`,
      windowed: (from, to) => `/risk?from=${from}&to=${to}`,
    },
    {
      name: 'team kpis, last 28 days',
      path: `/team-kpis?from=${addDays(end, -28)}&to=${end}`,
      windowed: (from, to) => `/team-kpis?from=${from}&to=${to}`,
    },
    { name: 'review, last full week', path: '/review', slow: true },
    { name: 'goals', path: '/goals' },
    { name: 'annotations', path: '/annotations' },
    { name: 'readiness', path: '/readiness' },
    { name: 'settings', path: '/settings' },
  ];
  const raw = rawQueries(ws, workspace.time_zone, {
    end,
    monday,
    lastMonth,
  });

  const only = process.env.BENCH_ENDPOINTS ? new RegExp(process.env.BENCH_ENDPOINTS) : null;
  const chosen = only ? endpoints.filter((e) => only.test(e.name)) : endpoints;
  const windows = randomWindows(info.first, end, WINDOWS);
  console.log(`machine: ${load()} (1 min), 2 cores shared`);
  if (PARTS.has('http')) await endpointsVsRaw(handle, ws, slug, chosen, raw, windows);
  if (PARTS.has('duckdb')) {
    const size = { orders: Number(info.orders), conversations: Number(info.conversations) };
    await endpointsVsDuckDb(handle, workspace, size, windows, only);
  }
  if (PARTS.has('incremental')) await incremental(handle, ws, end, info.last);
}

async function endpointsVsRaw(
  handle: DatabaseHandle,
  ws: number,
  slug: string,
  endpoints: Endpoint[],
  raw: Record<string, (db: Db) => Promise<unknown>>,
  windows: { from: string; to: string }[],
): Promise<void> {
  const db = handle.db;
  const key = await createApiKey(db, { workspaceId: ws, name: 'bench', readOnly: true });
  const app = createApp({ handle });
  const server = await listen(app);
  const results: string[] = [];
  try {
    for (const e of endpoints) {
      const get = async (path = e.path, tries = 3): Promise<void> => {
        const response = await fetch(`${server.url}/api/v1/workspaces/${slug}${path}`, {
          headers: { authorization: `Bearer ${key.key}` },
        });
        // A cold review asks the pool for many queries at once and may wait past its 5 s limit
        // on a loaded machine: the retry is part of the time a reader waits.
        if (response.status === 503 && tries > 1) {
          await response.arrayBuffer();
          return get(path, tries - 1);
        }
        if (response.status !== 200) {
          throw new Error(`${path}: ${response.status} ${await response.text()}`);
        }
        await response.arrayBuffer();
      };
      // The first call may fill a per-read-model-version cache (summary scans, tiers, predicted
      // LTV): reported apart as "first"; p50/p95 are the warm calls after it.
      const [, first] = await time(() => get());
      for (let i = 0; i < 2; i++) await get();
      const http: number[] = [];
      for (let i = 0; i < RUNS; i++) http.push((await time(() => get()))[1]);
      // Uncached: both caches bypassed, over the random windows where the request has one.
      const uncached: number[] = [];
      setCaches(false);
      try {
        const paths = e.windowed
          ? windows.map((w) => e.windowed!(w.from, w.to))
          : Array.from({ length: e.slow ? SLOW_RUNS : WINDOWS }, () => e.path);
        for (const path of paths) uncached.push((await time(() => get(path)))[1]);
      } catch (error) {
        console.log(`  ${e.name}: uncached call failed: ${String(error).slice(0, 200)}`);
      } finally {
        setCaches(true);
      }
      const direct: number[] = [];
      const query = e.raw && RAW_RUNS > 0 ? raw[e.raw] : undefined;
      if (query) {
        await query(db); // warm
        for (let i = 0; i < RAW_RUNS; i++) direct.push((await time(() => query(db)))[1]);
      }
      const line = [
        e.name.padEnd(54),
        `first ${ms(first)}`.padEnd(15),
        `http p50 ${ms(percentile(http, 50))}`.padEnd(18),
        `p95 ${ms(percentile(http, 95))}`.padEnd(13),
        `uncached${e.windowed ? ` ${uncached.length} windows` : ` ×${uncached.length}`} p50 ${ms(percentile(uncached, 50))}`.padEnd(
          34,
        ),
        `p95 ${ms(percentile(uncached, 95))}`.padEnd(13),
        ...(query
          ? [
              `raw p50 ${ms(percentile(direct, 50))}`.padEnd(19),
              `p95 ${ms(percentile(direct, 95))}`.padEnd(13),
              `ratio ${(percentile(direct, 50) / percentile(http, 50)).toFixed(0)}×`,
            ]
          : ['raw —']),
        load(),
      ].join(' ');
      console.log(line);
      results.push(line);
    }
  } finally {
    await server.close();
    await sql`delete from api_keys where workspace_id = ${ws} and id = ${key.id}`.execute(db);
  }
}

/**
 * Each DuckDB comparison (duckdb-baseline.ts) whose name matches BENCH_ENDPOINTS, uncached: the
 * API over the random windows (or the same request, for an endpoint without a window) and
 * DuckDB on the raw rows for the same request, every answer checked equal. The summary also
 * gets raw Postgres over the first BENCH_RAW_WINDOWS windows.
 */
async function endpointsVsDuckDb(
  handle: DatabaseHandle,
  workspace: Workspace,
  size: { orders: number; conversations: number },
  windows: { from: string; to: string }[],
  only: RegExp | null,
): Promise<void> {
  const db = handle.db;
  const ws = Number(workspace.id);
  const settings = readModelSettings(workspace);
  const duck = await openDuckBaseline(
    url!,
    ws,
    size,
    {
      ...settings,
      launchMonth: workspace.private_launched_on?.slice(0, 7) ?? null,
    },
    (line) => console.log(line),
  );
  const key = await createApiKey(db, { workspaceId: ws, name: 'bench', readOnly: true });
  const server = await listen(createApp({ handle }));
  const api = async (path: string): Promise<unknown> => {
    const response = await fetch(`${server.url}/api/v1/workspaces/${workspace.slug}${path}`, {
      headers: { authorization: `Bearer ${key.key}` },
    });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const chosen = duck.comparisons.filter((c) => !only || only.test(c.name));
  try {
    setCaches(false);
    for (const c of chosen) {
      let mismatches = 0;
      const apiMs: number[] = [];
      const duckMs: number[] = [];
      const requests = c.windowed ? windows : windows.map(() => windows[0]!);
      for (const w of requests) {
        // The 10-minute step the API reads the clock at (team KPIs): both sides take the same.
        let now: number, answer: unknown, took: number;
        do {
          now = Date.now();
          [answer, took] = await time(() => api(c.path(w)));
        } while (Math.floor(now / 600_000) !== Math.floor(Date.now() / 600_000));
        apiMs.push(took);
        const [theirs, duckTook] = await time(() => c.fromDuck(w, now));
        duckMs.push(duckTook);
        const mine = JSON.stringify(c.fromApi(answer, w));
        if (mine !== JSON.stringify(theirs)) {
          mismatches += 1;
          console.log(
            `  ${c.name} ${c.windowed ? `${w.from}/${w.to}` : c.path(w)}: API ${mine.slice(0, 600)} ≠ DuckDB ${JSON.stringify(theirs).slice(0, 600)}`,
          );
        }
      }
      const rawMs: number[] = [];
      if (c.name === 'summary') {
        for (const w of windows.slice(0, RAW_WINDOWS)) {
          const query = rawSummaryWindow(ws, workspace.time_zone, w.from, w.to);
          rawMs.push((await time(() => query(db)))[1]);
        }
      }
      console.log(
        [
          `${c.name}, ${c.windowed ? `${requests.length} random windows (1 day … 24 months)` : `same request ×${requests.length}`}, uncached:`,
          `API p50 ${ms(percentile(apiMs, 50))} p95 ${ms(percentile(apiMs, 95))};`,
          `DuckDB p50 ${ms(percentile(duckMs, 50))} p95 ${ms(percentile(duckMs, 95))}`,
          `(answers equal: ${mismatches === 0 ? 'yes' : `NO, ${mismatches} differ`});`,
          ...(rawMs.length > 0
            ? [`raw Postgres (${rawMs.length} windows) p50 ${ms(percentile(rawMs, 50))};`]
            : []),
          `ratio DuckDB/API p50 ${(percentile(duckMs, 50) / percentile(apiMs, 50)).toFixed(1)}×`,
          `p95 ${(percentile(duckMs, 95) / percentile(apiMs, 95)).toFixed(1)}×; ${load()}`,
        ].join(' '),
      );
      if (c.note) console.log(`  (${c.name}: ${c.note})`);
    }
  } finally {
    setCaches(true);
    duck.close();
    await server.close();
    await sql`delete from api_keys where workspace_id = ${ws} and id = ${key.id}`.execute(db);
  }
}

function mondayBefore(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

async function tableSizes(db: Db, ws: number): Promise<void> {
  const rows = await sql<{ table: string; rows: number }>`${sql.join(
    READ_MODEL_TABLES.map(
      (t) =>
        sql`select ${t} as table, count(*) as rows from ${sql.table(t)} where workspace_id = ${ws}`,
    ),
    sql` union all `,
  )}`.execute(db);
  console.log(`read-model rows: ${rows.rows.map((r) => `${r.table} ${r.rows}`).join(', ')}`);
}

async function incremental(
  handle: DatabaseHandle,
  ws: number,
  newDay: string,
  lastDay: string,
): Promise<void> {
  const db = handle.db;
  await sql`delete from orders where workspace_id = ${ws} and external_id like 'BENCH-%'`.execute(
    db,
  );
  const bounds = await sql<{ lo: number; hi: number; tz: string }>`
    select min(id) as lo, max(id) as hi,
      (select time_zone from workspaces where id = ${ws}) as tz
    from customers where workspace_id = ${ws}`.execute(db);
  const { lo, hi, tz } = bounds.rows[0]!;
  // 10k orders by existing customers (a spread of ids) on the day after the data ends …
  const insertDay = async (day: string, tag: string, count: number) => {
    const [, insertMs] = await time(() =>
      sql`
        with ch as (
          select array_agg(code order by code) as codes, array_agg(domain order by code) as domains
          from channels where workspace_id = ${ws}
        )
        insert into orders (workspace_id, external_id, customer_id, channel, domain, ordered_at,
          local_date, amount_fen, gross_profit_fen, status, returned)
        select ${ws}, 'BENCH-' || ${tag} || '-' || g, c.id,
          ch.codes[1 + g % cardinality(ch.codes)], ch.domains[1 + g % cardinality(ch.codes)],
          (${day}::date + time '10:00') at time zone ${tz}, ${day}::date,
          5000 + (g * 37) % 30000, 2000, 'completed', g % 20 = 0
        from generate_series(1, ${count}) g
        cross join ch
        join customers c on c.workspace_id = ${ws}
          and c.id = ${lo}::bigint + (g::bigint * 7919) % (${hi}::bigint - ${lo}::bigint + 1)`.execute(
        db,
      ),
    );
    const inserted = await sql<{ id: number; customer_id: number }>`
      select id, customer_id from orders
      where workspace_id = ${ws} and external_id like ${`BENCH-${tag}-%`}`.execute(db);
    const orderIds = inserted.rows.map((r) => Number(r.id));
    const ids = [...new Set(inserted.rows.map((r) => Number(r.customer_id)))];
    // As an import passes them: the inserted orders by id (applyOrderChanges' appended path).
    const [result, applyMs] = await time(() =>
      handle.transaction((tx) => applyOrderChanges(tx, ws, [], orderIds)),
    );
    console.log(
      `incremental: ${count} orders on ${day} (${ids.length} customers, ${result.appended ?? 0} from their new orders alone) inserted in ${insertMs.toFixed(0)} ms, absorbed in ${applyMs.toFixed(0)} ms`,
    );
    return ids;
  };
  const newIds = await insertDay(newDay, 'new', NEW_ORDERS);
  const lateIds = await insertDay(addDays(lastDay, -200), 'late', NEW_ORDERS);

  // Identical rows: snapshot the incrementally maintained tables, rebuild, compare.
  if (process.env.BENCH_CHECK !== '0') await compareWithRebuild(handle, ws);

  // Leave the database as it was.
  await sql`delete from orders where workspace_id = ${ws} and external_id like 'BENCH-%'`.execute(
    db,
  );
  const [, undoMs] = await time(() =>
    handle.transaction((tx) => applyOrderChanges(tx, ws, [...newIds, ...lateIds])),
  );
  console.log(`bench orders removed and absorbed in ${undoMs.toFixed(0)} ms`);
}

async function compareWithRebuild(handle: DatabaseHandle, ws: number): Promise<void> {
  const db = handle.db;
  for (const t of READ_MODEL_TABLES) {
    await sql`drop table if exists ${sql.table(`bench_${t}`)}`.execute(db);
    await sql`create table ${sql.table(`bench_${t}`)} as
      select * from ${sql.table(t)} where workspace_id = ${ws}`.execute(db);
  }
  const [, rebuildMs] = await time(() => rebuildReadModel(handle, ws));
  let differences = 0;
  for (const t of READ_MODEL_TABLES) {
    const diff = await sql<{ n: number }>`
      select count(*) as n from (
        (select * from ${sql.table(`bench_${t}`)}
          except all select * from ${sql.table(t)} where workspace_id = ${ws})
        union all
        (select * from ${sql.table(t)} where workspace_id = ${ws}
          except all select * from ${sql.table(`bench_${t}`)})
      ) d`.execute(db);
    const n = Number(diff.rows[0]?.n ?? 0);
    differences += n;
    if (n > 0) console.log(`  ${t}: ${n} rows differ between incremental and rebuild`);
    await sql`drop table ${sql.table(`bench_${t}`)}`.execute(db);
  }
  console.log(
    `full rebuild after the updates: ${(rebuildMs / 1000).toFixed(1)} s; rows identical to the incremental result: ${differences === 0 ? 'yes' : `NO (${differences} differ)`}`,
  );
}

await main();
