import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * Private members at each instant: joined before it and not left by then. No service counts
 * members at a point in time yet, so the review reads it here, one scan for all the instants.
 */
export async function privateMembersAt(
  db: Db,
  workspaceId: number,
  instants: readonly Date[],
): Promise<number[]> {
  if (instants.length === 0) return [];
  const values = sql.join(
    instants.map((d, i) => sql`(${i}::int, ${d.toISOString()}::timestamptz)`),
  );
  const { rows } = await sql<{ i: number; n: string | number }>`
    select t.i, count(c.customer_id)::bigint as n
    from (values ${values}) as t(i, at)
    left join rm_customer c
      on c.workspace_id = ${workspaceId}
      and c.joined_private_at < t.at
      and (c.left_private_at is null or c.left_private_at >= t.at)
    group by t.i`.execute(db);
  const counts = new Array<number>(instants.length).fill(0);
  for (const r of rows) counts[Number(r.i)] = Number(r.n);
  return counts;
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
