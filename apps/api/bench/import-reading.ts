/**
 * Reading-phase bench: the import's first phase alone (stream the file, decode, parse CSV, map
 * the header, check and convert each row, COPY the good rows into the stage), without the checks
 * across rows, the merge and the read model. Runs the same 1M-row orders file through two source
 * trees in alternating child processes, so a change is compared with its baseline in the same run
 * on this noisy machine:
 *
 *   git archive HEAD apps/api/src | tar -x -C /tmp/base && \
 *     ln -s "$PWD/apps/api/node_modules" /tmp/base/apps/api/node_modules
 *   cd apps/api && BENCH_BASE=/tmp/base/apps/api pnpm exec tsx bench/import-reading.ts
 *   (optional: BENCH_ROWS=1000000, BENCH_ROUNDS=3, BENCH_MODE=copy|parse, BENCH_PROF=1)
 *
 * Each child first writes the orders file once more in-process (to a scratch file), as a server
 * that has been working has a used heap: the same reading code spent twice the CPU, most of it in
 * GC, after that than in a fresh process (BENCH_WARM=0 skips it).
 * BENCH_MODE=copy (default) COPYs into the stage on real Postgres (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL; a throwaway database is made and dropped) and stops the import right after;
 * BENCH_MODE=parse replaces the COPY by serialising the rows to COPY text and dropping it (node's
 * share alone). BENCH_PROF=1 writes a CPU profile per child to $TMPDIR/yugang-profiles.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { createBenchWorkspace, writeOrdersCsv } from './orders-csv.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function parent(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const mode = process.env.BENCH_MODE ?? 'copy';
  const trees: [string, string][] = [['new', path.resolve(here, '..')]];
  if (process.env.BENCH_BASE) trees.unshift(['base', path.resolve(process.env.BENCH_BASE)]);
  const dir = mkdtempSync(path.join(tmpdir(), 'yugang-reading-'));
  const file = path.join(dir, 'orders.csv');
  const name = `yugang_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await writeOrdersCsv(file, rows, 100_000);
    await admin(`create database ${name}`);
    const { openDatabase } = await import('../src/db/database.js');
    const { migrateToLatest } = await import('../src/db/migrate.js');
    const handle = await openDatabase({ url: url.toString(), poolSize: 1 });
    await migrateToLatest(handle.db);
    await createBenchWorkspace(handle.db);
    await handle.close();
    const times = new Map<string, number[]>(trees.map(([label]) => [label, []]));
    const rss = new Map<string, number[]>(trees.map(([label]) => [label, []]));
    const cpu = new Map<string, number[]>(trees.map(([label]) => [label, []]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? trees : [...trees].reverse();
      for (const [label, tree] of order) {
        const flags = process.env.BENCH_PROF
          ? [
              '--cpu-prof',
              '--cpu-prof-dir',
              path.join(tmpdir(), 'yugang-profiles'),
              '--cpu-prof-name',
              `${label}-${round}.cpuprofile`,
            ]
          : [];
        const child = spawnSync(
          process.execPath,
          [
            ...flags,
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            'child',
            tree,
            mode,
            file,
            url.toString(),
          ],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const last = child.stdout.trim().split('\n').at(-1) ?? '';
        if (child.status !== 0 || !last.startsWith('{'))
          throw new Error(`child failed: ${child.stdout}`);
        const result = JSON.parse(last) as {
          ms: number;
          cpuMs: number;
          staged: number;
          rssMb: number;
        };
        if (result.staged !== rows) throw new Error(`${label}: staged ${result.staged} of ${rows}`);
        times.get(label)!.push(result.ms);
        cpu.get(label)!.push(result.cpuMs);
        rss.get(label)!.push(result.rssMb);
        console.log(
          `round ${round + 1} ${label}: ${(result.ms / 1000).toFixed(2)} s, ` +
            `${Math.round(rows / (result.ms / 1000)).toLocaleString('en')} rows/s, ` +
            `node CPU ${(result.cpuMs / 1000).toFixed(2)} s, maxRSS ${result.rssMb} MB`,
        );
      }
    }
    for (const [label] of trees) {
      const t = times.get(label)!;
      console.log(
        `${label}: median ${(median(t) / 1000).toFixed(2)} s (${t.map((x) => (x / 1000).toFixed(2)).join(', ')}), ` +
          `node CPU median ${(median(cpu.get(label)!) / 1000).toFixed(2)} s, maxRSS ${Math.max(...rss.get(label)!)} MB`,
      );
    }
    if (trees.length === 2) {
      for (const [what, values] of [
        ['time', times],
        ['node CPU', cpu],
      ] as const) {
        const ratios = values.get('base')!.map((b, i) => b / values.get('new')![i]!);
        console.log(
          `base / new ${what} (${mode}): median of per-round ratios ${median(ratios).toFixed(2)}× ` +
            `(${ratios.map((r) => r.toFixed(2)).join(', ')})`,
        );
      }
    }
  } finally {
    await admin(`drop database if exists ${name} with (force)`).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One measured import in a fresh process, stopped after the COPY into the stage. */
async function child(tree: string, mode: string, file: string, url: string): Promise<void> {
  if (process.env.BENCH_WARM !== '0') {
    const scratch = `${file}.warm`;
    await writeOrdersCsv(scratch, Number(process.env.BENCH_ROWS ?? 1_000_000), 100_000);
    rmSync(scratch, { force: true });
  }
  const load = (p: string) => import(pathToFileURL(path.join(tree, 'src', p)).href);
  const { openDatabase } = await load('db/database.ts');
  const { runImport } = await load('features/imports/imports.service.ts');
  const { DEFAULT_LIMITS } = await load('features/imports/limits.ts');
  const { fileSource } = await load('features/imports/source.ts');
  const csvLine = await load('db/csv-line.ts');
  const handle = await openDatabase({ url, poolSize: 1 });
  const workspace = await handle.db
    .selectFrom('workspaces')
    .selectAll()
    .where('slug', '=', 'bench')
    .executeTakeFirstOrThrow();
  let staged = 0;
  const stop = new Error('stop after the stage');
  // Drops what COPY would receive: the same text, built the way the tree's copyFrom builds it.
  async function discard(
    rows: AsyncIterable<unknown[]> | { chunks: AsyncIterable<string | Buffer> },
  ) {
    let n = 0;
    let bytes = 0;
    if ('chunks' in rows) {
      // Text the tree built itself (CopyText): count its lines.
      for await (const chunk of rows.chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
      }
      return n;
    }
    let chunk = '';
    for await (const row of rows) {
      n++;
      chunk += csvLine.toCsvLine(row);
      if (chunk.length >= 65536) {
        // What the COPY stream does with each text chunk.
        bytes += Buffer.from(chunk).length;
        chunk = '';
      }
    }
    return bytes >= 0 ? n : 0;
  }
  const wrapped = {
    ...handle,
    transaction: (fn: (tx: unknown) => Promise<unknown>) =>
      handle.transaction((tx: { db: unknown; copyFrom: (...a: unknown[]) => Promise<number> }) =>
        fn({
          db: tx.db,
          copyFrom: async (table: string, columns: string[], rows: AsyncIterable<unknown[]>) => {
            staged +=
              mode === 'parse' ? await discard(rows) : await tx.copyFrom(table, columns, rows);
            throw stop;
          },
        }),
      ),
  };
  const quiet = console.error;
  console.error = () => {};
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runImport(wrapped, {
    workspace,
    kind: 'orders',
    source: await fileSource(file, DEFAULT_LIMITS),
    fileName: 'orders.csv',
    limits: DEFAULT_LIMITS,
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.error = quiet;
  await handle.close();
  const rssMb = Math.round((process.resourceUsage().maxRSS * 1024) / 1024 / 1024);
  console.log(JSON.stringify({ ms, cpuMs, staged, rssMb }));
}

const [, , role, ...args] = process.argv;
if (role === 'child') await child(args[0]!, args[1]!, args[2]!, args[3]!);
else await parent();
