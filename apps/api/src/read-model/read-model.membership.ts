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
