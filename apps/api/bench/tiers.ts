/**
 * Tiers bench: GET /workspaces/:ws/tiers cold (the first call of a fresh process: empty cache,
 * predicted-LTV fits included) and warm (p50/p95), with the process's peak RSS, for this checkout
 * and optionally a baseline checkout, alternating in the same run (this machine is noisy).
 *
 *   DATABASE_URL=postgres://…/yugang_tiers pnpm exec tsx bench/tiers.ts
 *   (optional: BENCH_BASELINE=/path/to/other/checkout, BENCH_ROUNDS=3, BENCH_RUNS=40,
 *   BENCH_BASELINE_RUNS=5 (a checkout without a cache recomputes on every call), BENCH_SLUG=demo,
 *   BENCH_AS_OF=YYYY-MM-DD, BENCH_READ_ONLY=1)
 *
 * Over HTTP it creates a read-only API key for the run and deletes it after. BENCH_READ_ONLY=1
 * writes nothing (for a database others own): the service function is timed in-process instead.
 * Each measurement is a child process (bench/tiers-probe.ts), so cold and peak RSS are real.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { createApiKey } from '../src/features/api-keys/api-keys.service.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const thisTree = path.resolve(here, '../../..');
const url = process.env.DATABASE_URL;
const slug = process.env.BENCH_SLUG ?? 'demo';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const readOnly = process.env.BENCH_READ_ONLY === '1';

interface Probe {
  coldMs: number;
  stallMs: number;
  warm: number[];
  rssBefore: number;
  peakMb: number;
  first: {
    tiers?: { customers: number }[];
    summary?: { customers: number }[];
    result?: { summary: { customers: number }[] };
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

const median = (values: readonly number[]) => percentile(values, 50);

async function probe(tree: string, key: string | null, baseline: boolean): Promise<Probe> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'tiers-probe.ts')],
    {
      cwd: path.join(tree, 'apps/api'),
      env: {
        ...process.env,
        PROBE_TREE: tree,
        PROBE_MODE: readOnly ? 'service' : 'http',
        PROBE_KEY: key ?? '',
        ...(baseline
          ? { BENCH_RUNS: process.env.BENCH_BASELINE_RUNS ?? '5', BENCH_WARMUP: '1' }
          : {}),
      },
      maxBuffer: 64 * 2 ** 20,
    },
  );
  const line = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as Probe;
}

async function main(): Promise<void> {
  if (!url) {
    console.log('tiers bench: set DATABASE_URL to a Postgres database loaded with yg demo');
    return;
  }
  const trees: [string, string][] = [['new', thisTree]];
  if (process.env.BENCH_BASELINE)
    trees.unshift(['baseline', path.resolve(process.env.BENCH_BASELINE)]);
  const handle = await openDatabase({ url, poolSize: 2 });
  let key: { id: number; key: string } | null = null;
  try {
    const ws = await handle.db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    const size = await sql<{ customers: number; days: number }>`
      select (select count(*) from rm_customer where workspace_id = ${ws.id})::int as customers,
        (select count(*) from rm_customer_day where workspace_id = ${ws.id})::int as days`.execute(
      handle.db,
    );
    console.log(
      `workspace ${slug}: ${size.rows[0]!.customers} customers, ${size.rows[0]!.days} customer-days; ${readOnly ? 'in-process service calls (read only)' : 'over HTTP'}`,
    );
    if (!readOnly) {
      const created = await createApiKey(handle.db, {
        workspaceId: Number(ws.id),
        name: 'tiers bench',
        readOnly: true,
      });
      key = { id: Number(created.id), key: created.key };
    }
    const results = new Map<string, Probe[]>(trees.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      // Alternate which checkout goes first.
      const order = round % 2 === 0 ? trees : [...trees].reverse();
      for (const [name, tree] of order) {
        const p = await probe(tree, key?.key ?? null, name === 'baseline');
        results.get(name)!.push(p);
        const rows = p.first.tiers ?? p.first.summary ?? p.first.result?.summary ?? [];
        const sizes = rows.map((r) => r.customers).join('/');
        console.log(
          `  round ${round + 1} ${name.padEnd(8)} cold ${p.coldMs.toFixed(0)} ms (longest stall ${p.stallMs.toFixed(0)} ms), warm p50 ${median(p.warm).toFixed(2)} ms p95 ${percentile(p.warm, 95).toFixed(2)} ms, RSS ${p.rssBefore.toFixed(0)} → peak ${p.peakMb.toFixed(0)} MB, tiers ${sizes}`,
        );
      }
    }
    console.log('medians over rounds:');
    const summary = new Map<
      string,
      { cold: number; stall: number; p50: number; p95: number; peak: number }
    >();
    for (const [name] of trees) {
      const ps = results.get(name)!;
      const row = {
        cold: median(ps.map((p) => p.coldMs)),
        stall: median(ps.map((p) => p.stallMs)),
        p50: median(ps.map((p) => median(p.warm))),
        p95: median(ps.map((p) => percentile(p.warm, 95))),
        peak: median(ps.map((p) => p.peakMb - p.rssBefore)),
      };
      summary.set(name, row);
      console.log(
        `  ${name.padEnd(8)} cold ${row.cold.toFixed(0)} ms (longest stall ${row.stall.toFixed(0)} ms), warm p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms, peak RSS growth in the cold call ${row.peak.toFixed(0)} MB`,
      );
    }
    const base = summary.get('baseline');
    const now = summary.get('new')!;
    if (base) {
      console.log(
        `  new ÷ baseline: cold ${(now.cold / base.cold).toFixed(2)}×, stall ${(now.stall / base.stall).toFixed(2)}×, warm p50 ${(now.p50 / base.p50).toFixed(4)}×, p95 ${(now.p95 / base.p95).toFixed(4)}×, peak RSS growth ${(now.peak / base.peak).toFixed(2)}×`,
      );
    }
  } finally {
    if (key) await sql`delete from api_keys where id = ${key.id}`.execute(handle.db);
    await handle.close();
  }
}

await main();
