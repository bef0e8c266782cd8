/**
 * Bench: load the demo at scale into real Postgres and print rows per second.
 *
 *   cd apps/api && npx tsx bench/demo-load.ts [--customers 3000000] [--seed 1] [--keep]
 *   DATABASE_URL=postgres://…/somedb npx tsx bench/demo-load.ts   # use an existing database
 *
 * Without DATABASE_URL it creates a throwaway database `yugang_bench_demo` on
 * postgres://postgres@127.0.0.1:5432 (dropped at the end unless --keep), migrates it and loads.
 * Memory stays flat: rows stream from the generators into COPY.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDemo } from '../src/demo/load-demo.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '3000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
const seed = Number(values.seed);
const server = 'postgres://postgres@127.0.0.1:5432/postgres';
const throwaway = 'yugang_bench_demo';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let url = process.env.DATABASE_URL;
const ownDatabase = !url;
if (!url) {
  await admin(`drop database if exists ${throwaway} with (force)`);
  await admin(`create database ${throwaway}`);
  url = server.replace(/\/postgres$/, `/${throwaway}`);
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 500);
const handle = await openDatabase({ url, poolSize: 2 });
try {
  await migrateToLatest(handle.db);
  let previous = 0;
  console.log('table (or step)             rows      step s     rows/s');
  const result = await loadDemo(handle, {
    customers,
    seed,
    onProgress: (table, rows, seconds) => {
      const took = seconds - previous;
      previous = seconds;
      const rate = rows > 0 ? String(Math.round(rows / Math.max(took, 0.001))) : '';
      console.log(
        `${table.padEnd(24)} ${String(rows || '').padStart(10)} ${took.toFixed(1).padStart(9)}` +
          ` ${rate.padStart(10)}`,
      );
    },
  });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log(
    `\n${customers} customers, seed ${seed}: ${total} rows in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(total / result.seconds)} rows/s incl. delete, analyze); ` +
      `peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
  );
  console.log(JSON.stringify(result.rows));
} finally {
  clearInterval(sampler);
  await handle.close();
  if (ownDatabase && !values.keep) await admin(`drop database if exists ${throwaway} with (force)`);
}
