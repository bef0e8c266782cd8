import type { DateWindow } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * Per window of local dates [from, to): private members when it ends (joined before the instant
 * `to` begins and not left by then) and members who joined between the instants `from` and `to`
 * begin, from the per-day joins and leaves (rm_daily_customers): a member leaves at or after
 * joining, so the members at an end are the joins before it less the leaves before it.
 */
export async function privateMembersIn(
  db: Db,
  workspaceId: number,
  windows: readonly DateWindow[],
): Promise<{ atEnd: number; joined: number }[]> {
  if (windows.length === 0) return [];
  const counts = sql.join(
    windows.flatMap((w, i) => [
      sql`coalesce(sum(joined_private - left_private)
        filter (where local_date < ${w.to}::date), 0)::bigint as ${sql.ref(`m${i}`)}`,
      sql`coalesce(sum(joined_private)
        filter (where local_date >= ${w.from}::date and local_date < ${w.to}::date), 0)::bigint
        as ${sql.ref(`j${i}`)}`,
    ]),
  );
  const { rows } = await sql<Record<string, string | number>>`
    select ${counts} from rm_daily_customers
    where workspace_id = ${workspaceId}
      and local_date < ${windows.map((w) => w.to).reduce((a, b) => (a > b ? a : b))}::date`.execute(
    db,
  );
  const row = rows[0] ?? {};
  return windows.map((_w, i) => ({
    atEnd: Number(row[`m${i}`] ?? 0),
    joined: Number(row[`j${i}`] ?? 0),
  }));
}

/** The first local day with orders, or null. */
export async function firstOrderDay(db: Db, workspaceId: number): Promise<string | null> {
  const { rows } = await sql<{ d: string | null }>`
    select min(local_date)::text as d from rm_daily where workspace_id = ${workspaceId}`.execute(
    db,
  );
  return rows[0]?.d ?? null;
}

/** The latest successful (non-dry-run) import of each kind. */
export async function latestImports(db: Db, workspaceId: number) {
  const { rows } = await sql<{
    kind: string;
    finished_at: Date | string;
    rows: string | number;
    file_name: string;
  }>`
    select distinct on (kind) kind, finished_at, rows_inserted + rows_updated as rows, file_name
    from imports
    where workspace_id = ${workspaceId} and status = 'succeeded' and not dry_run
      and finished_at is not null
    order by kind, finished_at desc`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    finishedAt: new Date(r.finished_at).toISOString(),
    rows: Number(r.rows),
    fileName: r.file_name,
  }));
}
