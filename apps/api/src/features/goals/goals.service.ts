import {
  fenToYuan,
  goalProgress,
  metricById,
  startOfLocalDate,
  type GoalPoint,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { AppError, notFound } from '../../errors/app-error.js';
import type { Actor } from '../../http/access.js';
import { audited } from '../../lib/audit.js';
import {
  dailyColumn,
  dailySeries,
  deleteGoal,
  findGoal,
  insertGoal,
  listGoals,
  newMembersSeries,
  updateGoal,
  type GoalRow,
} from './goals.queries.js';
import { resolveAsOf, type CreateGoal, type UpdateGoal } from '@yugang/contract';
import { isoTime } from '../../lib/iso-time.js';
import { anchorDay, dataFreshness } from '../../read-model/freshness.js';

type Db = Kysely<Database>;

function goalOut(row: GoalRow) {
  return {
    id: Number(row.id),
    metric: row.metric,
    segment: row.segment,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    target: Number(row.target),
    purpose: row.purpose,
    boundary: row.boundary,
    createdAt: isoTime(row.created_at),
  };
}

const NO_SERIES = 'this metric has no daily series in the read model yet; progress is not computed';

/**
 * Daily actuals of a goal's metric and segment over its period, in the metric's unit (money in
 * yuan), or null when the read model has no daily series for it. Served today: gmv, orders and
 * gross_profit (segment all), credited_gmv (all, public, private), new_private_members (all).
 */
async function actualsFor(
  db: Db,
  workspace: Workspace,
  goal: ReturnType<typeof goalOut>,
  asOf: string,
): Promise<GoalPoint[] | null> {
  const to = asOf < goal.periodEnd ? asOf : goal.periodEnd;
  if (to <= goal.periodStart) return [];
  if (goal.metric === 'new_private_members') {
    if (goal.segment !== 'all') return null;
    const tz = workspace.time_zone;
    return newMembersSeries(db, workspace.id, tz, {
      from: goal.periodStart,
      to,
      start: startOfLocalDate(goal.periodStart, tz),
      end: startOfLocalDate(to, tz),
    });
  }
  const column = dailyColumn(goal.metric, goal.segment);
  if (!column) return null;
  const points = await dailySeries(db, workspace.id, column, goal.periodStart, to);
  const unit = metricById(goal.metric).unit;
  return unit === 'money' ? points.map((p) => ({ ...p, value: fenToYuan(p.value) })) : points;
}

/** The progress a created or changed goal answers with: as of the latest data day, like GET. */
async function defaultAsOf(db: Db, workspace: Workspace): Promise<string> {
  return resolveAsOf({}, anchorDay(await dataFreshness(db, workspace.id), workspace));
}

async function withProgress(db: Db, workspace: Workspace, row: GoalRow, asOf: string) {
  const goal = goalOut(row);
  const definition = metricById(goal.metric);
  const actuals = await actualsFor(db, workspace, goal, asOf);
  const progress = goalProgress({
    goal: {
      metric: goal.metric,
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      target: goal.target,
      goodDirection: definition.goodDirection === 'down' ? 'down' : 'up',
    },
    aggregation: definition.aggregation,
    actuals: actuals ?? [],
    asOf,
  });
  if (actuals === null) {
    return {
      ...goal,
      progress: {
        ...progress,
        current: null,
        forecast: null,
        onTrack: null,
        progress: { value: null, numerator: 0, denominator: goal.target, reason: NO_SERIES },
        reason: NO_SERIES,
      },
    };
  }
  return { ...goal, progress };
}

export async function goalsWithProgress(db: Db, workspace: Workspace, asOf: string) {
  const rows = await listGoals(db, workspace.id);
  const goals = [];
  for (const row of rows) goals.push(await withProgress(db, workspace, row, asOf));
  return { asOf, goals };
}

export async function createGoal(db: Db, workspace: Workspace, actor: Actor, body: CreateGoal) {
  const entry = { workspaceId: workspace.id, actor, action: 'goals.create', details: { ...body } };
  const row = await audited(db, entry, async (trx, note) => {
    const created = await insertGoal(trx, workspace.id, body, actor.userId);
    note.target = String(created.id);
    return created;
  });
  return withProgress(db, workspace, row, await defaultAsOf(db, workspace));
}

export async function patchGoal(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
  patch: UpdateGoal,
) {
  const existing = await findGoal(db, workspace.id, id);
  if (!existing) throw notFound(`goal ${id}`);
  const start = patch.periodStart ?? existing.period_start;
  const end = patch.periodEnd ?? existing.period_end;
  if (end <= start) {
    throw new AppError(400, 'invalid_request', 'the request body is not valid', [
      { path: 'body.periodEnd', message: 'periodEnd must be after periodStart' },
    ]);
  }
  const entry = {
    workspaceId: workspace.id,
    actor,
    action: 'goals.update',
    target: String(id),
    details: { ...patch },
  };
  const row = await audited(db, entry, async (trx) => {
    const updated = await updateGoal(trx, workspace.id, id, patch);
    if (!updated) throw notFound(`goal ${id}`);
    return updated;
  });
  return withProgress(db, workspace, row, await defaultAsOf(db, workspace));
}

export async function removeGoal(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
): Promise<void> {
  const entry = { workspaceId: workspace.id, actor, action: 'goals.delete', target: String(id) };
  await audited(db, entry, async (trx) => {
    if (!(await deleteGoal(trx, workspace.id, id))) throw notFound(`goal ${id}`);
  });
}
