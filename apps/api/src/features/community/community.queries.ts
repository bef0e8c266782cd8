import type { GroupDayRecord } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Group-days with local dates in [from, to) (primary key: workspace, group, date). */
export async function groupDays(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<GroupDayRecord[]> {
  const rows = await db
    .selectFrom('group_daily')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('date', '>=', from)
    .where('date', '<', to)
    .orderBy('group_id')
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    groupId: r.group_id,
    date: r.date,
    members: Number(r.members),
    activeMembers: Number(r.active_members),
    messages: Number(r.messages),
    joins: Number(r.joins),
    leaves: Number(r.leaves),
    internalMembers: Number(r.internal_members),
    internalMessages: r.internal_messages === null ? null : Number(r.internal_messages),
  }));
}

export interface GroupInfo {
  id: string;
  name: string;
  /** The first date the group appears in group_daily (before asOf); null without rows. */
  firstDate: string | null;
}

/** Every group with its name and first date of data before `to`. */
export async function groupsWithFirstDate(
  db: Db,
  workspaceId: number,
  to: string,
): Promise<GroupInfo[]> {
  const result = await sql<{ id: string; name: string; first_date: string | null }>`
    select g.external_id as id, g.name,
      (select min(d.date) from group_daily d
        where d.workspace_id = g.workspace_id and d.group_id = g.external_id
          and d.date < ${to}::date) as first_date
    from groups g
    where g.workspace_id = ${workspaceId}
    order by g.external_id`.execute(db);
  return result.rows.map((r) => ({ id: r.id, name: r.name, firstDate: r.first_date }));
}
