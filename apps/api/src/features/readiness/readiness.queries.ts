import type { Kysely, Selectable } from 'kysely';
import type { Database, ReadinessAssessmentsTable } from '../../db/schema.js';

type Db = Kysely<Database>;
export type AssessmentRow = Selectable<ReadinessAssessmentsTable>;

/** The workspace's assessments, newest first. */
export function listAssessments(db: Db, workspaceId: number): Promise<AssessmentRow[]> {
  return db
    .selectFrom('readiness_assessments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

export function insertAssessment(
  db: Db,
  workspaceId: number,
  answers: Record<string, number | boolean>,
  createdBy: number | null,
): Promise<AssessmentRow> {
  return db
    .insertInto('readiness_assessments')
    .values({ workspace_id: workspaceId, answers: JSON.stringify(answers), created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteAssessment(db: Db, workspaceId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('readiness_assessments')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
