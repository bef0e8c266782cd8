import {
  localDateOf,
  monthOf,
  monthsBetween,
  organisationStage,
  preActionsProgress,
  READINESS_QUESTIONS,
  scoreReadiness,
  type PreActionId,
  type ReadinessAnswer,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { notFound } from '../../errors/app-error.js';
import type { Actor } from '../../http/access.js';
import { audited } from '../../lib/audit.js';
import {
  deleteAssessment,
  insertAssessment,
  listAssessments,
  type AssessmentRow,
} from './readiness.queries.js';
import { isoTime } from '../../lib/iso-time.js';

type Db = Kysely<Database>;

function answersOf(row: AssessmentRow): Record<string, ReadinessAnswer> {
  const raw = (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Record<
    string,
    unknown
  >;
  const answers: Record<string, ReadinessAnswer> = {};
  for (const [id, v] of Object.entries(raw ?? {})) {
    if (typeof v === 'number' || typeof v === 'boolean') answers[id] = v;
  }
  return answers;
}

function out(row: AssessmentRow) {
  const answers = answersOf(row);
  return {
    id: Number(row.id),
    createdAt: isoTime(row.created_at),
    answers,
    result: scoreReadiness(answers),
    preActions: preActionsProgress(answers as Partial<Record<PreActionId, boolean>>),
  };
}

/** Whole months since the private launch, as of today in the workspace time zone. */
export function organisationOf(workspace: Workspace, now: Date = new Date()) {
  const launched = workspace.private_launched_on;
  if (!launched) return { privateLaunchedOn: null, monthsSinceLaunch: null, stage: null };
  const today = localDateOf(now, workspace.time_zone);
  let months = monthsBetween(monthOf(launched), monthOf(today));
  if (today.slice(8) < launched.slice(8)) months -= 1;
  return {
    privateLaunchedOn: launched,
    monthsSinceLaunch: months,
    stage: organisationStage(months),
  };
}

export async function readiness(db: Db, workspace: Workspace) {
  const rows = await listAssessments(db, workspace.id);
  const history = rows.map(out);
  return {
    questions: READINESS_QUESTIONS.map((q) => ({
      id: q.id,
      dimension: q.dimension,
      kind: q.kind,
      text: q.text,
    })),
    organisation: organisationOf(workspace),
    latest: history[0] ?? null,
    history,
  };
}

export async function createAssessment(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  answers: Record<string, number | boolean>,
) {
  const entry = { workspaceId: workspace.id, actor, action: 'readiness.create' };
  const row = await audited(db, entry, async (trx, note) => {
    const created = await insertAssessment(trx, workspace.id, answers, actor.userId);
    note.target = String(created.id);
    return created;
  });
  return out(row);
}

export async function removeAssessment(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
): Promise<void> {
  const entry = {
    workspaceId: workspace.id,
    actor,
    action: 'readiness.delete',
    target: String(id),
  };
  await audited(db, entry, async (trx) => {
    if (!(await deleteAssessment(trx, workspace.id, id))) throw notFound(`assessment ${id}`);
  });
}
