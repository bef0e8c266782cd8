import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import { runImport } from '../../features/imports/imports.service.js';
import { IMPORT_KINDS, isImportKind } from '../../features/imports/kinds/index.js';
import { DEFAULT_LIMITS } from '../../features/imports/limits.js';
import { readOptions } from '../../features/imports/mapping.js';
import { PRESET_NAMES } from '../../features/imports/presets/index.js';
import { fileSource } from '../../features/imports/source.js';
import { getWorkspace } from '../../features/workspaces/workspaces.service.js';
import { resolveFromUser, UsageError } from '../context.js';

export const usage =
  `yg import <slug> <${IMPORT_KINDS.join('|')}> <file.csv|file.xlsx> [--dry-run] ` +
  `[--preset <${PRESET_NAMES.join('|')}|none>] [--mapping <name>] [--channel <code>]`;

/** Imports one file; prints the outcome and every listed problem; exits 1 when rejected. */
export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      channel: { type: 'string' },
    },
  });
  const [slug, kind, file] = positionals;
  if (!slug || !kind || !file || positionals.length > 3) throw new UsageError(usage);
  if (!isImportKind(kind)) throw new UsageError(`unknown kind ${kind}\n${usage}`);
  if (values.preset && values.mapping)
    throw new UsageError(`--preset or --mapping, not both\n${usage}`);
  const workspace = await getWorkspace(handle.db, slug);
  const read = await readOptions(handle.db, workspace.id, kind, {
    preset: values.preset,
    mapping: values.mapping,
    channel: values.channel,
  });
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
    read,
  });
  const encoding = result.encoding ? ` ${result.encoding}` : '';
  console.log(
    `import #${result.id} ${kind} from ${result.fileName} (${result.format}${encoding}): ${result.status}`,
  );
  console.log(
    `  rows read ${result.rowsRead}, new ${result.inserted}, changed ${result.updated}, ` +
      `unchanged ${result.unchanged}, rejected ${result.rejected} (${result.ms} ms)`,
  );
  if (result.preset) console.log(`  read as ${result.preset}`);
  for (const s of result.skipped) console.log(`  skipped ${s.rows}: ${s.reason} / ${s.reasonZh}`);
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
