/**
 * Member counts for a window (METRICS §2 member churn and the catalog's member counts), from the
 * per-customer read model's join and leave instants, read through its (workspace_id,
 * joined_private_at) index: only customers who ever joined are touched.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface MembershipCounts {
  /** Private at the instant the window ends. */
  atEnd: number;
  /** Private just before the window opens. */
  atStart: number;
  /** joined_private_at inside the window. */
  joined: number;
  /** left_private_at inside the window (members only). */
  churned: number;
  /** Start members who left inside the window. */
  churnedOfStart: number;
}

export async function membershipCounts(
  db: Kysely<Database>,
  workspaceId: number,
  start: Date,
  end: Date,
): Promise<MembershipCounts> {
  const { rows } = await sql<Record<keyof MembershipCounts, string | number>>`
    select
      count(*) filter (where joined_private_at <= ${end}
        and (left_private_at is null or left_private_at > ${end})) as "atEnd",
      count(*) filter (where joined_private_at < ${start}
        and (left_private_at is null or left_private_at >= ${start})) as "atStart",
      count(*) filter (where joined_private_at >= ${start}
        and joined_private_at < ${end}) as "joined",
      count(*) filter (where left_private_at >= ${start} and left_private_at < ${end}) as "churned",
      count(*) filter (where joined_private_at < ${start}
        and left_private_at >= ${start} and left_private_at < ${end}) as "churnedOfStart"
    from rm_customer
    where workspace_id = ${workspaceId} and joined_private_at <= ${end}`.execute(db);
  const row = rows[0];
  return {
    atEnd: Number(row?.atEnd ?? 0),
    atStart: Number(row?.atStart ?? 0),
    joined: Number(row?.joined ?? 0),
    churned: Number(row?.churned ?? 0),
    churnedOfStart: Number(row?.churnedOfStart ?? 0),
  };
}

export interface MembershipPeriodCounts {
  /** Private at the instant the period ends. */
  atEnd: number;
  /** joined_private_at inside the period. */
  joined: number;
  /** left_private_at inside the period (members only). */
  churned: number;
}

/**
 * membershipCounts' atEnd, joined and churned for consecutive periods bounded by `bounds`
 * (period i is [bounds[i], bounds[i + 1])), in one pass over the members instead of one per
 * period. Each member is grouped by how many bounds lie at or before (width_bucket) and strictly
 * before (width_bucket of the instant less a microsecond, the timestamp's resolution) their join
 * and leave: joins and leaves fall in half-open periods, while "private at the end" holds for
 * the ends e with joined ≤ e < left.
 */
export async function membershipSeriesCounts(
  db: Kysely<Database>,
  workspaceId: number,
  bounds: readonly Date[],
): Promise<MembershipPeriodCounts[]> {
  const n = bounds.length - 1;
  if (n < 1) return [];
  const array = sql`array[${sql.join(bounds.map((b) => sql`${b.toISOString()}::timestamptz`))}]`;
  const { rows } = await sql<{
    j_le: number;
    j_lt: number;
    l_le: number | null;
    l_lt: number | null;
    customers: string | number;
  }>`
    select
      width_bucket(joined_private_at, ${array}) as j_le,
      width_bucket(joined_private_at - interval '1 microsecond', ${array}) as j_lt,
      width_bucket(left_private_at, ${array}) as l_le,
      width_bucket(left_private_at - interval '1 microsecond', ${array}) as l_lt,
      count(*) as customers
    from rm_customer
    where workspace_id = ${workspaceId} and joined_private_at <= ${bounds[n]!}
    group by 1, 2, 3, 4`.execute(db);
  const counts = Array.from({ length: n }, () => ({ atEnd: 0, joined: 0, churned: 0 }));
  // Difference array for "private at the end of period i", i.e. at bounds[i + 1].
  const delta = new Array<number>(n + 1).fill(0);
  for (const row of rows) {
    const customers = Number(row.customers);
    const jLe = Number(row.j_le);
    if (jLe >= 1 && jLe <= n) counts[jLe - 1]!.joined += customers;
    if (row.l_le !== null) {
      const lLe = Number(row.l_le);
      if (lLe >= 1 && lLe <= n) counts[lLe - 1]!.churned += customers;
    }
    // bounds[k] ≥ joined ⇔ k ≥ j_lt; bounds[k] < left ⇔ k < l_lt. End of period i is k = i + 1.
    const first = Math.max(0, Number(row.j_lt) - 1);
    const last = Math.min(n - 1, row.l_lt === null ? n - 1 : Number(row.l_lt) - 2);
    if (first <= last) {
      delta[first]! += customers;
      delta[last + 1]! -= customers;
    }
  }
  let running = 0;
  for (let i = 0; i < n; i += 1) {
    running += delta[i]!;
    counts[i]!.atEnd = running;
  }
  return counts;
}
