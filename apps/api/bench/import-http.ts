/**
 * `pnpm --filter @yugang/api bench:import`: does a big import hold up the dashboard?
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm --filter @yugang/api bench:import
 *   pnpm --filter @yugang/api bench:import            # PGlite in a temporary folder
 *
 * Builds the server (dist/), makes a fresh database (Postgres: a scratch database next to the one
 * named, dropped at the end; PGlite: a temp folder) with a small demo workspace (yg demo,
 * BENCH_DEMO_CUSTOMERS, default 2,000) and an API key, starts the compiled server on it, then:
 * 1. times the summary alone for BENCH_BASELINE_S seconds (the same run's baseline);
 * 2. writes a BENCH_ROWS-row (default 1,000,000) Youzan order export (the platform's own header,
 *    buyers' phones, ¥ amounts, unpaid rows) of BENCH_CUSTOMERS buyers (default 100,000) and
 *    uploads it over HTTP (`?wait=false`), polling its progress every 250 ms;
 * 3. meanwhile asks the summary over and over (one request at a time, a random window each
 *    time so the answer cache does not answer for it) and records every latency;
 * then prints the import's time and rows/s, summary p50/p95/max during the import against the
 * baseline, and the server's longest event-loop stall during the import (the import's progress
 * reports it: progress.ts). The load average is printed too: the machine is shared.
 * BENCH_SERVER_NODE_ARGS adds node options to the server only, e.g. to see what holds its event
 * loop: "--cpu-prof --cpu-prof-dir=/tmp/prof" (NODE_OPTIONS refuses --cpu-prof).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const DEMO_CUSTOMERS = Number(process.env.BENCH_DEMO_CUSTOMERS ?? 2_000);
const BASELINE_S = Number(process.env.BENCH_BASELINE_S ?? 20);
const adminUrl = process.env.BENCH_DATABASE_URL;
const apiDir = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'yugang-import-http-'));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** A tiny deterministic generator (LCG): the same file every run. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

/** A Youzan 订单维度 export: one row per order, the buyer's phone, ¥ amounts, some unpaid. */
async function writeYouzanExport(file: string): Promise<void> {
  const rand = lcg(20250401);
  const start = Date.UTC(2024, 0, 1);
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  const out = createWriteStream(file);
  let text =
    '订单号,订单状态,订单创建时间,买家付款时间,商品金额合计,运费,订单实付金额,买家手机号,粉丝昵称,退款状态,已退款金额\n';
  for (let i = 1; i <= ROWS; i++) {
    const buyer = 1 + Math.floor(rand() * CUSTOMERS);
    const t = new Date(start + Math.floor(rand() * 600 * 86_400) * 1000);
    const at = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
    const fen = 990 + Math.floor(rand() * 200_000);
    const yuan = `${Math.floor(fen / 100)}.${pad(fen % 100)}`;
    const roll = rand();
    const status = roll < 0.03 ? '待付款' : roll < 0.08 ? '待发货' : '已完成';
    const refunded = roll > 0.97;
    text +=
      `E${String(i).padStart(16, '0')},${status},${at},${status === '待付款' ? '' : at},` +
      `${yuan},0.00,"¥${yuan}",159${String(buyer).padStart(8, '0')},粉丝${buyer},` +
      `${refunded ? '退款成功' : ''},${refunded ? yuan : '0.00'}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function run(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, args, { cwd: apiDir, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describe(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return (
    `${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
    `p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`
  );
}

/**
 * Asks the summary one request at a time, each over a random window, until `stop()` says so.
 * A failed or timed-out request counts with the time it took (on PGlite a request waits for the
 * import's transaction, longer than fetch's 300 s header timeout).
 */
async function askSummary(
  url: string,
  key: string,
  stop: () => boolean,
): Promise<{ latencies: number[]; failed: number }> {
  const rand = lcg(7);
  const latencies: number[] = [];
  let failed = 0;
  const day = (offset: number) =>
    new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  while (!stop()) {
    const back = 30 + Math.floor(rand() * 300);
    const span = 7 + Math.floor(rand() * 120);
    const started = performance.now();
    try {
      const response = await fetch(
        `${url}/api/v1/workspaces/demo/metrics/summary?from=${day(back)}&to=${day(back - span)}`,
        { headers: { authorization: `Bearer ${key}` } },
      );
      await response.arrayBuffer();
      if (!response.ok) failed++;
    } catch {
      failed++;
    }
    latencies.push(performance.now() - started);
  }
  return { latencies, failed };
}

async function main(): Promise<void> {
  const engine = adminUrl ? 'postgres' : 'pglite';
  console.log(`import over HTTP, ${engine}: ${ROWS} rows of ${CUSTOMERS} buyers; load ${load()}`);
  run(['build.mjs'], process.env);
  let databaseEnv: NodeJS.ProcessEnv;
  let dropDatabase = async () => {};
  if (adminUrl) {
    const name = `yugang_import_http_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseEnv = { DATABASE_URL: url.toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    databaseEnv = { YUGANG_DATA_DIR: path.join(scratch, 'data') };
  }
  const env = { ...process.env, ...databaseEnv, YUGANG_DEMO: 'off', LOG_LEVEL: 'warn' };
  let child: ChildProcess | undefined;
  try {
    let t = performance.now();
    run(['dist/yg.js', 'demo', '--customers', String(DEMO_CUSTOMERS), '--quiet'], env);
    const key = /yg_[A-Za-z0-9_-]+/.exec(run(['dist/yg.js', 'apikey', 'create', 'demo'], env))![0];
    console.log(
      `demo workspace (${DEMO_CUSTOMERS} customers) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const file = path.join(scratch, 'youzan-orders.csv');
    t = performance.now();
    await writeYouzanExport(file);
    const size = statSync(file).size;
    console.log(
      `wrote ${(size / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const port = await freePort();
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    child = spawn(process.execPath, [...nodeArgs, 'dist/server.js'], {
      cwd: apiDir,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('the server did not answer health within 120 s');
      const ok = await fetch(`${url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const baselineEnd = performance.now() + BASELINE_S * 1000;
    const baseline = await askSummary(url, key, () => performance.now() > baselineEnd);
    console.log(
      `summary alone (${BASELINE_S} s): ${describe(baseline.latencies)}, ${baseline.failed} failed; load ${load()}`,
    );

    let importing = true;
    const during = askSummary(url, key, () => !importing);
    const uploadStarted = performance.now();
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    const accepted = await fetch(
      `${url}/api/v1/workspaces/demo/imports/orders?wait=false&fileName=youzan-orders.csv`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
        body,
        duplex: 'half',
      } as RequestInit,
    );
    if (accepted.status !== 202)
      throw new Error(`upload answered ${accepted.status}: ${await accepted.text()}`);
    const { import: started } = (await accepted.json()) as { import: { id: number } };
    const uploaded = performance.now();
    let longestStall = 0;
    let last: { status: string; rowsRead: number; rowsInserted: number; message: string | null };
    const phases: string[] = [];
    while (true) {
      // On PGlite this waits for the import's commit (one connection): past fetch's 300 s
      // header timeout it is simply asked again.
      const response = await fetch(`${url}/api/v1/workspaces/demo/imports/${started.id}`, {
        headers: { authorization: `Bearer ${key}` },
      }).catch(() => null);
      if (!response) continue;
      const detail = (await response.json()) as {
        import: typeof last & {
          progress: { phase: string; eventLoopMaxMs: number; elapsedMs: number } | null;
        };
      };
      last = detail.import;
      const p = detail.import.progress;
      if (p) {
        longestStall = Math.max(longestStall, p.eventLoopMaxMs);
        if (phases.at(-1)?.split(' ')[0] !== p.phase)
          phases.push(`${p.phase} ${(p.elapsedMs / 1000).toFixed(1)}s`);
      }
      if (last.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const finished = performance.now();
    importing = false;
    const { latencies, failed } = await during;
    const seconds = (finished - uploadStarted) / 1000;
    console.log(`import ${last.status}: ${last.message}`);
    console.log(
      `  upload ${((uploaded - uploadStarted) / 1000).toFixed(1)} s; phases: ${phases.join(', ')}`,
    );
    console.log(
      `  ${ROWS} rows (${(size / 1e6).toFixed(0)} MB) in ${seconds.toFixed(1)} s: ${Math.round(ROWS / seconds)} rows/s`,
    );
    console.log(`  summary during the import: ${describe(latencies)}, ${failed} failed`);
    console.log(`  longest event-loop stall during the import: ${longestStall} ms`);
    console.log(`  load ${load()}`);
  } finally {
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await once(child, 'exit');
    await dropDatabase();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
