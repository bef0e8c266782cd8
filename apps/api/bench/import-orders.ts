/**
 * Import bench: a 1,000,000-row orders CSV, generated deterministically to a temp file, imported
 * end to end (parse, check, stage, check across rows, upsert, read model) on real Postgres,
 * against a bare COPY of the same file into an unindexed table as the ceiling.
 *
 *   cd apps/api && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     pnpm exec tsx bench/import-orders.ts
 *   (optional: BENCH_ROWS=1000000, BENCH_CUSTOMERS=100000, BENCH_REIMPORT=1)
 *
 * It creates a throwaway database on that server and drops it at the end. Targets: the import
 * at ≥ 50% of the bare COPY rate, peak RSS under 300 MB.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { runImport } from '../src/features/imports/imports.service.js';
import { DEFAULT_LIMITS } from '../src/features/imports/limits.js';
import { getProgress } from '../src/features/imports/progress.js';
import { fileSource } from '../src/features/imports/source.js';
import { createBenchWorkspace, writeOrdersCsv } from './orders-csv.js';

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function bareCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bare_orders (order_id text, customer_id text, channel text,
      ordered_at text, amount text, gross_profit text, commission text, status text,
      returned text, refund_amount text)`);
    const started = performance.now();
    const stream = client.query(
      copyStreams.from('copy bare_orders from stdin with (format csv, header true)'),
    );
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), stream);
    const ms = performance.now() - started;
    await client.query('drop table bare_orders');
    return ms;
  } finally {
    await client.end();
  }
}

async function seed(handle: DatabaseHandle): Promise<number> {
  const workspace = await createBenchWorkspace(handle.db);
  await handle.transaction(async (tx) => {
    function* customers() {
      for (let i = 1; i <= CUSTOMERS; i++) {
        yield [workspace.id, `C${i}`, i % 3 === 0 ? '2023-06-01T00:00:00Z' : null];
      }
    }
    await tx.copyFrom(
      'customers',
      ['workspace_id', 'external_id', 'joined_private_at'],
      customers(),
    );
  });
  await sql`analyze`.execute(handle.db);
  return workspace.id;
}

async function importOnce(handle: DatabaseHandle, file: string, label: string) {
  const workspace = await handle.db
    .selectFrom('workspaces')
    .selectAll()
    .where('slug', '=', 'bench')
    .executeTakeFirstOrThrow();
  const phases: Record<string, number> = {};
  // This process's CPU per phase (user + system): what node itself spent, apart from waiting.
  const cpu: Record<string, number> = {};
  let importId: number | undefined;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let phase = 'reading';
  const close = () => {
    const now = performance.now();
    const used = process.cpuUsage(lastCpu);
    phases[phase] = (phases[phase] ?? 0) + (now - last);
    cpu[phase] = (cpu[phase] ?? 0) + (used.user + used.system) / 1000;
    last = now;
    lastCpu = process.cpuUsage();
  };
  const watch = setInterval(() => {
    const p = importId === undefined ? undefined : getProgress(workspace.id, importId);
    if (p && p.phase !== phase) {
      close();
      phase = p.phase;
    }
  }, 20);
  const started = performance.now();
  const result = await runImport(handle, {
    workspace,
    kind: 'orders',
    source: await fileSource(file, DEFAULT_LIMITS),
    fileName: path.basename(file),
    limits: DEFAULT_LIMITS,
    onStarted: (id) => (importId = id),
  });
  const ms = performance.now() - started;
  clearInterval(watch);
  close();
  if (result.status !== 'succeeded') {
    throw new Error(
      `${label}: ${result.status} ${result.message} ${JSON.stringify(result.errors.slice(0, 5))}`,
    );
  }
  const split = Object.entries(phases)
    .map(
      ([name, t]) =>
        `${name} ${(t / 1000).toFixed(1)} s (node CPU ${((cpu[name] ?? 0) / 1000).toFixed(1)} s)`,
    )
    .join(', ');
  console.log(
    `${label}: ${(ms / 1000).toFixed(1)} s, ${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s ` +
      `(new ${result.inserted}, changed ${result.updated}, unchanged ${result.unchanged}); ${split}`,
  );
  return ms;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yugang-bench-'));
  const file = path.join(dir, 'orders.csv');
  const name = `yugang_bench_${randomBytes(4).toString('hex')}`;
  let handle: DatabaseHandle | undefined;
  try {
    let t = performance.now();
    await writeOrdersCsv(file, ROWS, CUSTOMERS);
    console.log(
      `generated ${ROWS.toLocaleString('en')} orders (${mb(statSync(file).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await admin(`create database ${name}`);
    if (process.env.BENCH_EXPLAIN) {
      // Plans of statements over 1 s go to the server log (superuser only).
      await admin(`alter database ${name} set session_preload_libraries = 'auto_explain'`);
      await admin(`alter database ${name} set auto_explain.log_min_duration = '1s'`);
      await admin(`alter database ${name} set auto_explain.log_analyze = on`);
      await admin(`alter database ${name} set auto_explain.log_triggers = on`);
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString(), poolSize: 2 });
    await migrateToLatest(handle.db);
    t = performance.now();
    await seed(handle);
    console.log(
      `seeded ${CUSTOMERS.toLocaleString('en')} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const bareMs = await bareCopy(url.toString(), file);
    const bareRate = ROWS / (bareMs / 1000);
    console.log(
      `bare COPY into an unindexed text table: ${(bareMs / 1000).toFixed(1)} s, ${Math.round(bareRate).toLocaleString('en')} rows/s`,
    );
    const rssBefore = peakRss;
    const importMs = await importOnce(
      handle,
      file,
      `import (first: ${ROWS.toLocaleString('en')} new orders + read model)`,
    );
    const rate = ROWS / (importMs / 1000);
    console.log(`import / bare COPY rate: ${((rate / bareRate) * 100).toFixed(0)}% (target ≥ 50%)`);
    if (process.env.BENCH_REIMPORT) {
      await importOnce(handle, file, 'import (again, all unchanged)');
    }
    const count = await sql<{ n: number }>`select count(*)::int as n from orders`.execute(
      handle.db,
    );
    console.log(`orders in the table: ${count.rows[0]!.n.toLocaleString('en')}`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(
      `peak RSS: ${mb(peakRss)} (before the import ${mb(rssBefore)}; target < 300 MB); ` +
        `maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
  } finally {
    clearInterval(sampler);
    await handle?.close();
    await admin(`drop database if exists ${name} with (force)`).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
