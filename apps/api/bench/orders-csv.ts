/**
 * The deterministic orders CSV the import benches read: the same file every run for the same
 * `rows` and `customers` (an LCG, no Math.random), and the workspace with its channels.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database, Domain, Workspace } from '../src/db/schema.js';
import { createWorkspace } from '../src/features/workspaces/workspaces.service.js';

export const BENCH_CHANNELS: [string, Domain][] = [
  ['tmall', 'public'],
  ['jd', 'public'],
  ['douyin', 'public'],
  ['wecom', 'private'],
  ['community', 'private'],
  ['miniapp', 'private'],
];
/** The `bench` workspace with the channels the CSV names. */
export async function createBenchWorkspace(db: Kysely<Database>): Promise<Workspace> {
  const workspace = await createWorkspace(db, { slug: 'bench', name: 'Bench' });
  await db
    .insertInto('channels')
    .values(
      BENCH_CHANNELS.map(([code, domain]) => ({
        workspace_id: workspace.id,
        code,
        name: code,
        domain,
      })),
    )
    .execute();
  return workspace;
}

const STATUSES = ['已完成', '已完成', '已完成', '已完成', '已取消', '已发货', 'completed'];

/** A tiny deterministic generator (LCG), so every run imports the same file. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

export async function writeOrdersCsv(file: string, rows: number, customers: number): Promise<void> {
  const rand = lcg(20240301);
  const start = Date.UTC(2023, 0, 1);
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  async function* lines(): AsyncGenerator<string> {
    let chunk = '订单号,客户ID,渠道,下单时间,实付金额,毛利,佣金,订单状态,是否退货,退款金额\n';
    for (let i = 1; i <= rows; i++) {
      const customer = 1 + Math.floor(rand() * customers);
      const channel = BENCH_CHANNELS[Math.floor(rand() * BENCH_CHANNELS.length)]![0];
      const t = new Date(start + Math.floor(rand() * 730 * 86_400) * 1000);
      const at = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
      const fen = 990 + Math.floor(rand() * 200_000);
      const amount = `${Math.floor(fen / 100)}.${pad(fen % 100)}`;
      const profit = (fen * 0.4) / 100;
      const returned = rand() < 0.05;
      chunk +=
        `O${i},C${customer},${channel},${at},${amount},${profit.toFixed(2)},` +
        `${channel === 'tmall' ? ((fen * 0.05) / 100).toFixed(2) : ''},` +
        `${STATUSES[Math.floor(rand() * STATUSES.length)]},${returned ? '是' : '否'},${returned ? amount : '0'}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(lines, createWriteStream(file));
}
