import type { DateWindow } from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { notFound } from '../../errors/app-error.js';
import type { Actor } from '../../http/access.js';
import { recordAudit } from '../audit/audit.service.js';
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
  return db.transaction().execute(async (trx) => {
    const row = await insertAnnotation(trx, workspace.id, body, actor.userId);
    await audit(trx, workspace, actor, 'annotations.create', Number(row.id), body);
    return out(row);
  });
}

const audit = (
  db: Db,
  workspace: Workspace,
  actor: Actor,
  action: string,
  id: number,
  details: Record<string, unknown> = {},
) =>
  recordAudit(db, {
    workspaceId: workspace.id,
    actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
    action,
    target: String(id),
    details,
  });

export async function patchAnnotation(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
  body: { date?: string | undefined; text?: string | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const row = await updateAnnotation(trx, workspace.id, id, body);
    if (!row) throw notFound(`annotation ${id}`);
    await audit(trx, workspace, actor, 'annotations.update', id, { ...body });
    return out(row);
  });
}

export async function removeAnnotation(
  db: Db,
  workspace: Workspace,
  actor: Actor,
  id: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteAnnotation(trx, workspace.id, id))) throw notFound(`annotation ${id}`);
    await audit(trx, workspace, actor, 'annotations.delete', id);
  });
}
