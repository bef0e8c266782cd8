import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { loadDemo } from '../../demo/load-demo.js';
import { demoEndToday } from '../../demo/story.js';
import { isoDate } from '@yugang/contract';
import { UsageError } from '../context.js';

export const usage =
  'yg demo [--customers 20000] [--seed 1] [--end YYYY-MM-DD (default today: data up to yesterday)] [--quiet]';

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
  if (values.end !== undefined && !isoDate.safeParse(values.end).success) {
    throw new UsageError(`--end must be a date YYYY-MM-DD\n${usage}`);
  }
  const result = await loadDemo(handle, {
    customers,
    seed,
    endDate: values.end ?? demoEndToday(),
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
