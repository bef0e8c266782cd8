import type { GoalPoint } from '@yugang/metrics';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, GoalsTable } from '../../db/schema.js';
import type { CreateGoal, UpdateGoal } from '@yugang/contract';

type Db = Kysely<Database>;
export type GoalRow = Selectable<GoalsTable>;

export function listGoals(db: Db, workspaceId: number): Promise<GoalRow[]> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('period_start')
    .orderBy('id')
    .execute();
}

export function findGoal(db: Db, workspaceId: number, id: number): Promise<GoalRow | undefined> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertGoal(
  db: Db,
  workspaceId: number,
  goal: CreateGoal,
  createdBy: number | null,
): Promise<GoalRow> {
  return db
    .insertInto('goals')
    .values({
      workspace_id: workspaceId,
      metric: goal.metric,
      segment: goal.segment,
      period_start: goal.periodStart,
      period_end: goal.periodEnd,
      target: goal.target,
      purpose: goal.purpose,
      boundary: goal.boundary,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateGoal(
  db: Db,
  workspaceId: number,
  id: number,
  patch: UpdateGoal,
): Promise<GoalRow | undefined> {
  return db
    .updateTable('goals')
    .set({
      ...(patch.metric !== undefined ? { metric: patch.metric } : {}),
      ...(patch.segment !== undefined ? { segment: patch.segment } : {}),
      ...(patch.periodStart !== undefined ? { period_start: patch.periodStart } : {}),
      ...(patch.periodEnd !== undefined ? { period_end: patch.periodEnd } : {}),
      ...(patch.target !== undefined ? { target: patch.target } : {}),
      ...(patch.purpose !== undefined ? { purpose: patch.purpose } : {}),
      ...(patch.boundary !== undefined ? { boundary: patch.boundary } : {}),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteGoal(db: Db, workspaceId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('goals')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The daily read-model column behind each metric that has one (all customers, in fen or a count). */
const DAILY_COLUMNS = {
  gmv: { all: 'gmv_fen' },
  orders: { all: 'orders' },
  gross_profit: { all: 'gross_profit_fen' },
  credited_gmv: {
    all: 'gmv_fen',
    public: 'credited_public_fen',
    private: 'credited_private_fen',
  },
} as const;

export type DailyMetric = keyof typeof DAILY_COLUMNS;

export function dailyColumn(metric: string, segment: 'public' | 'private' | 'all'): string | null {
  const columns = (DAILY_COLUMNS as Record<string, Partial<Record<string, string>>>)[metric];
  return columns?.[segment] ?? null;
}

/** Daily values of one rm_daily column over [from, to). */
export async function dailySeries(
  db: Db,
  workspaceId: number,
  column: string,
  from: string,
  to: string,
): Promise<GoalPoint[]> {
  const result = await sql<{ date: string; value: number }>`
    select local_date as date, ${sql.ref(column)} as value
    from rm_daily
    where workspace_id = ${workspaceId}
      and local_date >= ${from}::date and local_date < ${to}::date
    order by local_date`.execute(db);
  return result.rows.map((r) => ({ date: r.date, value: Number(r.value) }));
}

/** New private members per local join date over [from, to). */
export async function newMembersSeries(
  db: Db,
  workspaceId: number,
  timeZone: string,
  window: { from: string; to: string; start: Date; end: Date },
): Promise<GoalPoint[]> {
  const { from, to, start, end } = window;
  const result = await sql<{ date: string; value: number }>`
    select local_date as date, count(*)::bigint as value
    from (
      select (joined_private_at at time zone ${timeZone})::date as local_date
      from rm_customer
      where workspace_id = ${workspaceId}
        and joined_private_at >= ${start} and joined_private_at < ${end}
    ) j
    where local_date >= ${from}::date and local_date < ${to}::date
    group by local_date
    order by local_date`.execute(db);
  return result.rows.map((r) => ({ date: String(r.date), value: Number(r.value) }));
}
