import type { DateWindow } from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { notFound } from '../../errors/app-error.js';
import type { Actor } from '../../http/access.js';
import {
  annotationsBetween,
  deleteAnnotation,
  insertAnnotation,
  updateAnnotation,
  type AnnotationRow,
} from './annotations.queries.js';

type Db = Kysely<Database>;

/** created_at as ISO text (timestamptz comes back as a Date). */
function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

const out = (row: AnnotationRow) => ({
  id: Number(row.id),
  date: row.date,
  text: row.text,
  createdAt: iso(row.created_at),
});

export async function listAnnotations(db: Db, workspace: Workspace, window: DateWindow) {
  const rows = await annotationsBetween(db, workspace.id, window.from, window.to);
  return { window, annotations: rows.map(out) };
}

export async function createAnnotation(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  body: { date: string; text: string },
) {
  return out(await insertAnnotation(db, workspace.id, body, actor.userId));
}

export async function patchAnnotation(
  db: Db,
  workspace: Workspace,
  id: number,
  body: { date?: string | undefined; text?: string | undefined },
) {
  const row = await updateAnnotation(db, workspace.id, id, body);
  if (!row) throw notFound(`annotation ${id}`);
  return out(row);
}

export async function removeAnnotation(db: Db, workspace: Workspace, id: number): Promise<void> {
  if (!(await deleteAnnotation(db, workspace.id, id))) throw notFound(`annotation ${id}`);
}
