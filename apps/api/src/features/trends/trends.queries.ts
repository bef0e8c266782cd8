import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  totalsColumns,
  totalsOf,
  type GroupTotals,
  type TotalsRow,
} from '../../read-model/read-model.totals.js';

type Db = Kysely<Database>;

/** Stored week or month rows whose period starts in [from, to), grouped at each period's end. */
export async function periodSeries(
  db: Db,
  workspaceId: number,
  grain: 'week' | 'month',
  from: string,
  to: string,
): Promise<Map<string, GroupTotals>> {
  const result = await sql<TotalsRow & { period_start: string; segment: string }>`
    select period_start, segment, ${totalsColumns}
    from rm_period
    where workspace_id = ${workspaceId} and grain = ${grain}
      and period_start >= ${from}::date and period_start < ${to}::date`.execute(db);
  const series = new Map<string, GroupTotals>();
  for (const row of result.rows) {
    let totals = series.get(row.period_start);
    if (!totals) {
      totals = { public: totalsOf(undefined), private: totalsOf(undefined) };
      series.set(row.period_start, totals);
    }
    totals[row.segment === 'private' ? 'private' : 'public'] = totalsOf(row);
  }
  return series;
}

export interface GoalRow {
  id: number;
  segment: 'public' | 'private' | 'all';
  periodStart: string;
  periodEnd: string;
  target: number;
  purpose: string;
}

export async function goalsFor(
  db: Db,
  workspaceId: number,
  metric: string,
  from: string,
  to: string,
): Promise<GoalRow[]> {
  const rows = await db
    .selectFrom('goals')
    .select(['id', 'segment', 'period_start', 'period_end', 'target', 'purpose'])
    .where('workspace_id', '=', workspaceId)
    .where('metric', '=', metric)
    .where('period_start', '<', to)
    .where('period_end', '>', from)
    .orderBy('period_start')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    segment: r.segment,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    target: Number(r.target),
    purpose: r.purpose,
  }));
}

export async function annotationsIn(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<{ date: string; text: string }[]> {
  return db
    .selectFrom('annotations')
    .select(['date', 'text'])
    .where('workspace_id', '=', workspaceId)
    .where('date', '>=', from)
    .where('date', '<', to)
    .orderBy('date')
    .execute();
}
