import {
  addDays,
  addMonths,
  periodOf,
  type CreditedGmvInPeriod,
  type CreditPeriod,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { creditedByPeriod } from './attribution.queries.js';

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
