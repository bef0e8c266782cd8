import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import { runImport } from '../../features/imports/imports.service.js';
import { IMPORT_KINDS, isImportKind } from '../../features/imports/kinds/index.js';
import { DEFAULT_LIMITS } from '../../features/imports/limits.js';
import { fileSource } from '../../features/imports/source.js';
import { getWorkspace } from '../../features/workspaces/workspaces.service.js';
import { resolveFromUser, UsageError } from '../context.js';

export const usage = `yg import <slug> <${IMPORT_KINDS.join('|')}> <file.csv|file.xlsx> [--dry-run]`;

/** Imports one file; prints the outcome and every listed problem; exits 1 when rejected. */
export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' } },
  });
  const [slug, kind, file] = positionals;
  if (!slug || !kind || !file || positionals.length > 3) throw new UsageError(usage);
  if (!isImportKind(kind)) throw new UsageError(`unknown kind ${kind}\n${usage}`);
  const workspace = await getWorkspace(handle.db, slug);
  const path = resolveFromUser(file);
  let source;
  try {
    source = await fileSource(path, DEFAULT_LIMITS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(400, 'file_not_found', `no such file: ${path}`);
    }
    throw error;
  }
  const result = await runImport(handle, {
    workspace,
    kind,
    source,
    fileName: basename(path),
    dryRun: values['dry-run'] ?? false,
  });
  const encoding = result.encoding ? ` ${result.encoding}` : '';
  console.log(
    `import #${result.id} ${kind} from ${result.fileName} (${result.format}${encoding}): ${result.status}`,
  );
  console.log(
    `  rows read ${result.rowsRead}, new ${result.inserted}, changed ${result.updated}, ` +
      `unchanged ${result.unchanged}, rejected ${result.rejected} (${result.ms} ms)`,
  );
  if (result.ignoredColumns.length > 0) {
    console.log(`  ignored columns: ${result.ignoredColumns.join(', ')}`);
  }
  for (const e of result.errors) {
    console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.reason}`);
  }
  if (result.errorCount > result.errors.length) {
    console.log(`  … and ${result.errorCount - result.errors.length} more problems`);
  }
  if (result.status === 'rejected' || result.status === 'failed') {
    throw new AppError(422, result.code ?? 'import_rejected', result.message);
  }
  console.log(`  ${result.message}`);
}
