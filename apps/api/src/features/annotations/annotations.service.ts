import type { DateWindow } from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { notFound } from '../../errors/app-error.js';
import type { Actor } from '../../http/access.js';
import { audited } from '../../lib/audit.js';
import {
  annotationsBetween,
  deleteAnnotation,
  insertAnnotation,
  updateAnnotation,
  type AnnotationRow,
} from './annotations.queries.js';
import { isoTime } from '../../lib/iso-time.js';

type Db = Kysely<Database>;

const out = (row: AnnotationRow) => ({
  id: Number(row.id),
  date: row.date,
  text: row.text,
  createdAt: isoTime(row.created_at),
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
  const entry = { workspaceId: workspace.id, actor, action: 'annotations.create', details: body };
  const row = await audited(db, entry, async (trx, note) => {
    const created = await insertAnnotation(trx, workspace.id, body, actor.userId);
    note.target = String(created.id);
    return created;
  });
  return out(row);
}

const entryOf = (workspace: Workspace, actor: Actor, action: string, id: number) => ({
  workspaceId: workspace.id,
  actor,
  action,
  target: String(id),
});

export async function patchAnnotation(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
  body: { date?: string | undefined; text?: string | undefined },
) {
  const entry = { ...entryOf(workspace, actor, 'annotations.update', id), details: { ...body } };
  const row = await audited(db, entry, async (trx) => {
    const updated = await updateAnnotation(trx, workspace.id, id, body);
    if (!updated) throw notFound(`annotation ${id}`);
    return updated;
  });
  return out(row);
}

export async function removeAnnotation(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
): Promise<void> {
  await audited(db, entryOf(workspace, actor, 'annotations.delete', id), async (trx) => {
    if (!(await deleteAnnotation(trx, workspace.id, id))) throw notFound(`annotation ${id}`);
  });
}
