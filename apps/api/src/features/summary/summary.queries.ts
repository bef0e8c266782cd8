import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  totalsColumns,
  totalsOf,
  type GroupTotals,
  type TotalsRow,
} from '../../read-model/read-model.totals.js';

type Db = Kysely<Database>;

/**
 * How a window was answered: a stored period row, or any other window from the window spans
 * (read-model.windows.ts; the contract's name 'customer_day' predates them).
 */
export type SummarySource = 'week' | 'month' | 'customer_day';

function byGroup(rows: (TotalsRow & { segment: string })[]): GroupTotals {
  return {
    public: totalsOf(rows.find((r) => r.segment === 'public')),
    private: totalsOf(rows.find((r) => r.segment === 'private')),
  };
}

/** One stored week or month: customers already grouped at the period's end. Two rows. */
export async function periodTotals(
  db: Db,
  workspaceId: number,
  grain: 'week' | 'month',
  periodStart: string,
): Promise<GroupTotals> {
  const result = await sql<TotalsRow & { segment: string }>`
    select segment, ${totalsColumns}
    from rm_period
    where workspace_id = ${workspaceId} and grain = ${grain}
      and period_start = ${periodStart}::date`.execute(db);
  return byGroup(result.rows);
}
