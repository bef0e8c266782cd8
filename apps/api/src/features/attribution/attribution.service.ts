import {
  addDays,
  addMonths,
  compareCreditedGmvSplit,
  periodOf,
  type CreditedGmvInPeriod,
  type CreditedGmvSplit,
  type CreditPeriod,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { creditedByPeriod, creditSplitByPeriod } from './attribution.queries.js';

type Db = Kysely<Database>;

/**
 * Credited GMV by team over time, in fen: the same rows as creditedGmvByPeriod (contiguous
 * periods; with a window, the periods overlapping it, counting only the window's orders).
 */
export async function creditedGmvFromReadModel(
  db: Db,
  workspaceId: number,
  period: CreditPeriod,
  window?: DateWindow,
): Promise<CreditedGmvInPeriod[]> {
  if (window && window.from >= window.to) return [];
  const rows = await creditedByPeriod(db, workspaceId, period, window);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  let first = rows[0]?.period ?? null;
  let last = rows.at(-1)?.period ?? null;
  if (window) {
    first = periodOf(window.from, period);
    last = periodOf(addDays(window.to, -1), period);
  }
  if (first === null || last === null) return [];
  const result: CreditedGmvInPeriod[] = [];
  for (let p = first; p <= last; p = period === 'month' ? addMonths(p, 1) : addDays(p, 7)) {
    const r = byPeriod.get(p);
    const pub = r?.publicFen ?? 0;
    const priv = r?.privateFen ?? 0;
    result.push({ period: p, public: pub, private: priv, total: pub + priv });
  }
  return result;
}

/**
 * Credited GMV of the window by period, channel and first order vs repurchase, in fen, in the
 * shape and order of creditedGmvSplit (@yugang/metrics).
 */
export async function creditedGmvSplitFromOrders(
  db: Db,
  workspaceId: number,
  period: CreditPeriod,
  window: DateWindow,
  privateShare: number,
): Promise<CreditedGmvSplit[]> {
  if (window.from >= window.to) return [];
  const rows = await creditSplitByPeriod(db, workspaceId, period, window, privateShare);
  return rows
    .map((r): CreditedGmvSplit => ({
      period: r.period,
      channel: r.channel,
      domain: r.domain,
      order: r.first ? 'first' : 'repeat',
      public: r.publicFen,
      private: r.privateFen,
      total: r.publicFen + r.privateFen,
    }))
    .sort(compareCreditedGmvSplit);
}
