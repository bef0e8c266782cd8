/**
 * Saved column mappings: for a file no preset knows, the lead maps its columns to our fields once
 * (file header → field of one kind) and saves the mapping by name; uploads, previews and
 * `yg import … --mapping <name>` read files with it (presets/preset-source.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { normaliseHeader } from './header-map.js';
import { isImportKind, KIND_SPECS, type ImportKind } from './kinds/index.js';
import type { ColumnMapping } from './presets/preset-source.js';

export interface SavedMapping extends ColumnMapping {
  updatedAt: Date;
}

/** The mapping's problems: unknown fields, a field twice, a required field missing. */
export function checkMapping(kind: ImportKind, columns: Record<string, string>): string[] {
  const spec = KIND_SPECS[kind];
  const problems: string[] = [];
  const used = new Map<string, string>();
  const headers = new Set<string>();
  for (const [header, field] of Object.entries(columns)) {
    if (headers.has(normaliseHeader(header))) problems.push(`column "${header}" is listed twice`);
    headers.add(normaliseHeader(header));
    if (field === '') continue;
    if (!spec.fields.some((f) => f.name === field)) {
      problems.push(`"${header}": ${kind} has no field ${field}`);
    } else if (used.has(field)) {
      problems.push(`"${used.get(field)}" and "${header}" both map to ${field}`);
    } else used.set(field, header);
  }
  for (const field of spec.fields) {
    if (field.required && !used.has(field.name)) problems.push(`no column maps to ${field.name}`);
  }
  return problems;
}

function invalid(problems: string[]): AppError {
  return new AppError(400, 'invalid_mapping', `the mapping is not usable: ${problems.join('; ')}`);
}

/** A mapping given inline (JSON text: header → field) for one kind. */
export function inlineMapping(kind: ImportKind, json: string): ColumnMapping {
  let columns: unknown;
  try {
    columns = JSON.parse(json);
  } catch {
    throw invalid(['columns is not JSON']);
  }
  if (
    typeof columns !== 'object' ||
    columns === null ||
    Array.isArray(columns) ||
    !Object.values(columns).every((v) => typeof v === 'string')
  ) {
    throw invalid(['columns must be an object of header → field']);
  }
  const map = columns as Record<string, string>;
  const problems = checkMapping(kind, map);
  if (problems.length > 0) throw invalid(problems);
  return { name: 'inline', kind, columns: map };
}

export async function listMappings(
  db: Kysely<Database>,
  workspaceId: number,
): Promise<SavedMapping[]> {
  const rows = await db
    .selectFrom('import_mappings')
    .select(['name', 'kind', 'columns', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return rows.filter((r) => isImportKind(r.kind)).map(toMapping);
}

function toMapping(row: {
  name: string;
  kind: string;
  columns: Record<string, string> | string;
  updated_at: Date | string;
}): SavedMapping {
  return {
    name: row.name,
    kind: row.kind as ImportKind,
    columns: typeof row.columns === 'string' ? JSON.parse(row.columns) : row.columns,
    updatedAt: new Date(row.updated_at),
  };
}

export async function findMapping(
  db: Kysely<Database>,
  workspaceId: number,
  name: string,
): Promise<SavedMapping> {
  const row = await db
    .selectFrom('import_mappings')
    .select(['name', 'kind', 'columns', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row || !isImportKind(row.kind)) throw notFound(`import mapping ${name}`);
  return toMapping(row);
}

export async function saveMapping(
  db: Kysely<Database>,
  workspaceId: number,
  mapping: ColumnMapping,
  userId: number | null,
): Promise<SavedMapping> {
  const problems = checkMapping(mapping.kind, mapping.columns);
  if (problems.length > 0) throw invalid(problems);
  const columns = JSON.stringify(mapping.columns);
  const row = await db
    .insertInto('import_mappings')
    .values({
      workspace_id: workspaceId,
      name: mapping.name,
      kind: mapping.kind,
      columns,
      created_by: userId,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'name'])
        .doUpdateSet({ kind: mapping.kind, columns, updated_at: new Date() }),
    )
    .returning(['name', 'kind', 'columns', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toMapping(row);
}

export async function deleteMapping(
  db: Kysely<Database>,
  workspaceId: number,
  name: string,
): Promise<void> {
  const deleted = await db
    .deleteFrom('import_mappings')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound(`import mapping ${name}`);
}

/**
 * How a request asks its file to be read → the importer's read options: a saved mapping by name
 * (it must be for this kind when one is given), an inline one, a preset, a channel.
 */
export async function readOptions(
  db: Kysely<Database>,
  workspaceId: number,
  kind: ImportKind | undefined,
  query: {
    preset?: string | undefined;
    mapping?: string | undefined;
    channel?: string | undefined;
    columns?: string | undefined;
  },
): Promise<{ preset?: string; mapping?: ColumnMapping; channel?: string }> {
  let mapping: ColumnMapping | undefined;
  if (query.mapping) {
    mapping = await findMapping(db, workspaceId, query.mapping);
    if (kind && mapping.kind !== kind) {
      throw new AppError(
        400,
        'mapping_kind_mismatch',
        `the mapping ${mapping.name} reads ${mapping.kind} files, not ${kind}`,
      );
    }
  } else if (query.columns) {
    if (!kind) throw new AppError(400, 'kind_required', 'an inline mapping needs ?kind=');
    mapping = inlineMapping(kind, query.columns);
  }
  return {
    ...(query.preset ? { preset: query.preset } : {}),
    ...(mapping ? { mapping } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
  };
}
