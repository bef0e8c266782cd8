import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ImportRowError, ImportStatus, ImportsTable } from '../../db/schema.js';

/** The imports table: one row per import or ingest call, kept as the workspace's history. */
export interface ImportRecord {
  id: number;
  kind: string;
  fileName: string;
  status: ImportStatus;
  dryRun: boolean;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsRejected: number;
  message: string | null;
  createdBy: number | null;
  apiKeyId: number | null;
  /** The platform preset or mapping:<name> the file was read with. */
  preset: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export async function insertImport(
  db: Kysely<Database>,
  row: {
    workspaceId: number;
    kind: string;
    fileName: string;
    dryRun: boolean;
    userId: number | null;
    apiKeyId: number | null;
  },
): Promise<number> {
  const inserted = await db
    .insertInto('imports')
    .values({
      workspace_id: row.workspaceId,
      kind: row.kind,
      file_name: row.fileName.slice(0, 255),
      status: 'running',
      dry_run: row.dryRun,
      created_by: row.userId,
      api_key_id: row.apiKeyId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function finishImport(
  db: Kysely<Database>,
  workspaceId: number,
  id: number,
  outcome: {
    status: ImportStatus;
    rowsRead: number;
    inserted: number;
    updated: number;
    rejected: number;
    errors: ImportRowError[];
    message: string;
  },
): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      status: outcome.status,
      rows_read: outcome.rowsRead,
      rows_inserted: outcome.inserted,
      rows_updated: outcome.updated,
      rows_rejected: outcome.rejected,
      // Generated<Json<…>> has no usable update type: a jsonb literal.
      errors: sql`${JSON.stringify(outcome.errors)}::jsonb` as never,
      message: outcome.message,
      finished_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

const COLUMNS = [
  'id',
  'kind',
  'file_name',
  'status',
  'dry_run',
  'rows_read',
  'rows_inserted',
  'rows_updated',
  'rows_rejected',
  'message',
  'created_by',
  'api_key_id',
  'preset',
  'started_at',
  'finished_at',
] as const;

type Row = Omit<
  Selectable<ImportsTable>,
  'errors' | 'workspace_id' | 'started_at' | 'finished_at'
> & { started_at: Date; finished_at: Date | null };

function toRecord(row: Row): ImportRecord {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    dryRun: row.dry_run,
    rowsRead: row.rows_read,
    rowsInserted: row.rows_inserted,
    rowsUpdated: row.rows_updated,
    rowsRejected: row.rows_rejected,
    message: row.message,
    createdBy: row.created_by,
    apiKeyId: row.api_key_id,
    preset: row.preset,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Newest first. */
export async function listImports(
  db: Kysely<Database>,
  workspaceId: number,
  options: { limit: number; before?: number | undefined; kind?: string | undefined },
): Promise<ImportRecord[]> {
  let query = db
    .selectFrom('imports')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
  return ((await query.execute()) as unknown as Row[]).map(toRecord);
}

export async function findImport(
  db: Kysely<Database>,
  workspaceId: number,
  id: number,
): Promise<(ImportRecord & { errors: ImportRowError[] }) | undefined> {
  const row = await db
    .selectFrom('imports')
    .select([...COLUMNS, 'errors'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const errors = typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors;
  return { ...toRecord(row as unknown as Row), errors: errors as ImportRowError[] };
}
