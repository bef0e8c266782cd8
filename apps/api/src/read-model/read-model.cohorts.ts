/**
 * Queries over the cohort rollups, shared by the retention triangle and the historical LTV.
 * Customers are split by group at the as-of instant (local midnight starting the month after
 * asOf): private ⇔ join_cut_month <= that month start < leave_cut_month. The cuts are clamped in
 * the tables so every as-of month at or after the activity (cohort) month is answered exactly.
 */
import type { CohortBasis } from '@yugang/metrics';
import { addMonths } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;
export type Group = 'public' | 'private';

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
const monthOf = (date: string) => date.slice(0, 7);

const isPrivateAfter = (asOf: string) => {
  const start = `${addMonths(asOf, 1)}-01`;
  return sql`join_cut_month <= ${start}::date and leave_cut_month > ${start}::date`;
};

/**
 * The latest month holding a counted order or a cohort start of the basis (retention.ts
 * latestDataMonth); null when there is no data.
 */
export async function latestDataMonth(
  db: Db,
  workspaceId: number,
  basis: CohortBasis,
): Promise<string | null> {
  const result = await sql<{ latest: string | null }>`
    select greatest(
      (select max(local_date) from rm_daily where workspace_id = ${workspaceId}),
      (select max(cohort_month) from rm_cohort_size
        where workspace_id = ${workspaceId} and basis = ${basis})
    ) as latest`.execute(db);
  const latest = result.rows[0]?.latest ?? null;
  return latest === null ? null : monthOf(latest);
}

export interface CohortSize {
  cohort: string;
  group: Group;
  size: number;
}

export async function cohortSizesByGroup(
  db: Db,
  workspaceId: number,
  basis: CohortBasis,
  asOf: string,
): Promise<CohortSize[]> {
  const result = await sql<{ cohort_month: string; private: boolean; size: number }>`
    select cohort_month, ${isPrivateAfter(asOf)} as private, sum(customers) as size
    from rm_cohort_size
    where workspace_id = ${workspaceId} and basis = ${basis}
      and cohort_month <= ${`${asOf}-01`}::date
    group by 1, 2`.execute(db);
  return result.rows.map((r) => ({
    cohort: monthOf(r.cohort_month),
    group: r.private ? 'private' : 'public',
    size: Number(r.size),
  }));
}

export interface CohortActivity {
  cohort: string;
  activity: string;
  group: Group;
  customers: number;
  gmvFen: number;
  grossProfitFen: number;
}

export async function cohortActivityByGroup(
  db: Db,
  workspaceId: number,
  basis: CohortBasis,
  asOf: string,
): Promise<CohortActivity[]> {
  const result = await sql<{
    cohort_month: string;
    activity_month: string;
    private: boolean;
    customers: number;
    gmv_fen: number;
    gross_profit_fen: number;
  }>`
    select cohort_month, activity_month, ${isPrivateAfter(asOf)} as private,
      sum(customers) as customers, sum(gmv_fen) as gmv_fen,
      sum(gross_profit_fen) as gross_profit_fen
    from rm_cohort_month
    where workspace_id = ${workspaceId} and basis = ${basis}
      and activity_month <= ${`${asOf}-01`}::date
    group by 1, 2, 3`.execute(db);
  return result.rows.map((r) => ({
    cohort: monthOf(r.cohort_month),
    activity: monthOf(r.activity_month),
    group: r.private ? 'private' : 'public',
    customers: Number(r.customers),
    gmvFen: Number(r.gmv_fen),
    grossProfitFen: Number(r.gross_profit_fen),
  }));
}
