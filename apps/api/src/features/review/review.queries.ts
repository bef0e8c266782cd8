import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * Per window of instants [start, end): private members at its end (joined before it and not
 * left by then) and members who joined inside it. No service counts members at a point in time
 * yet, so the review reads them here, one pass over the members for all the windows (13 counts
 * of new members one query each cost as much again at 3M customers).
 */
export async function privateMembersIn(
  db: Db,
  workspaceId: number,
  windows: readonly { start: Date; end: Date }[],
): Promise<{ atEnd: number; joined: number }[]> {
  if (windows.length === 0) return [];
  const counts = sql.join(
    windows.flatMap((w, i) => {
      const start = w.start.toISOString();
      const end = w.end.toISOString();
      return [
        sql`count(*) filter (where joined_private_at < ${end}::timestamptz
          and (left_private_at is null or left_private_at >= ${end}::timestamptz))::bigint
          as ${sql.ref(`m${i}`)}`,
        sql`count(*) filter (where joined_private_at >= ${start}::timestamptz
          and joined_private_at < ${end}::timestamptz)::bigint as ${sql.ref(`j${i}`)}`,
      ];
    }),
  );
  const { rows } = await sql<Record<string, string | number>>`
    select ${counts} from rm_customer
    where workspace_id = ${workspaceId} and joined_private_at is not null`.execute(db);
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
