import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { loadDemo } from '../../demo/load-demo.js';
import { UsageError } from '../context.js';

export const usage = 'yg demo [--customers 20000] [--seed 1] [--end YYYY-MM-01] [--quiet]';

export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      customers: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new UsageError(usage);
  const customers = integer(values.customers ?? '20000', '--customers', 1);
  const seed = integer(values.seed ?? '1', '--seed', 0);
  if (values.end !== undefined && !/^\d{4}-\d{2}-01$/.test(values.end)) {
    throw new UsageError(`--end must be the first day of a month (YYYY-MM-01)\n${usage}`);
  }
  const result = await loadDemo(handle, {
    customers,
    seed,
    endDate: values.end,
    onProgress: values.quiet
      ? undefined
      : (table, rows, seconds) =>
          console.error(`  ${table}: ${rows} rows (${seconds.toFixed(1)} s)`),
  });
  console.log(
    `workspace ${result.slug} loaded: ${result.customers} customers, seed ${result.seed}, ` +
      `${result.startDate} … ${result.endDate} (exclusive), private launch ${result.launchDate}`,
  );
  let total = 0;
  for (const [table, rows] of Object.entries(result.rows)) {
    total += rows;
    console.log(`  ${table.padEnd(14)} ${String(rows).padStart(10)}`);
  }
  console.log(
    `  ${'total'.padEnd(14)} ${String(total).padStart(10)} rows in ${result.seconds.toFixed(1)} s`,
  );
}

function integer(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`${name} must be an integer ≥ ${min}\n${usage}`);
  }
  return value;
}
