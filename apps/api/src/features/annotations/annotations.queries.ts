import type { Kysely, Selectable } from 'kysely';
import type { AnnotationsTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;
export type AnnotationRow = Selectable<AnnotationsTable>;

export function annotationsBetween(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<AnnotationRow[]> {
  return db
    .selectFrom('annotations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('date', '>=', from)
    .where('date', '<', to)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export function insertAnnotation(
  db: Db,
  workspaceId: number,
  value: { date: string; text: string },
  createdBy: number | null,
): Promise<AnnotationRow> {
  return db
    .insertInto('annotations')
    .values({
      workspace_id: workspaceId,
      date: value.date,
      text: value.text,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateAnnotation(
  db: Db,
  workspaceId: number,
  id: number,
  patch: { date?: string | undefined; text?: string | undefined },
): Promise<AnnotationRow | undefined> {
  return db
    .updateTable('annotations')
    .set({
      ...(patch.date !== undefined ? { date: patch.date } : {}),
      ...(patch.text !== undefined ? { text: patch.text } : {}),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAnnotation(db: Db, workspaceId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('annotations')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
