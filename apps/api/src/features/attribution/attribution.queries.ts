import type { CreditPeriod, DateWindow } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface CreditRow {
  period: string;
  publicFen: number;
  privateFen: number;
}

/** Credited GMV per week (Monday) or month from the daily rollup; only the window's days. */
export async function creditedByPeriod(
  db: Db,
  workspaceId: number,
  period: CreditPeriod,
  window: DateWindow | undefined,
): Promise<CreditRow[]> {
  const unit = sql.raw(period === 'month' ? `'month'` : `'week'`);
  const range = window
    ? sql`and local_date >= ${window.from}::date and local_date < ${window.to}::date`
    : sql``;
  const result = await sql<{ period: string; public: number; private: number }>`
    select date_trunc(${unit}, local_date::timestamp)::date as period,
      sum(credited_public_fen) as public, sum(credited_private_fen) as private
    from rm_daily
    where workspace_id = ${workspaceId} ${range}
    group by 1 order by 1`.execute(db);
  return result.rows.map((r) => ({
    period: period === 'month' ? r.period.slice(0, 7) : r.period,
    publicFen: Number(r.public),
    privateFen: Number(r.private),
  }));
}
