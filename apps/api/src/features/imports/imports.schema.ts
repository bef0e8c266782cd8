import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import type { ImportResult } from './imports.service.js';
import { IMPORT_KINDS } from './kinds/index.js';

export const importKind = z.enum(IMPORT_KINDS);

export const rowError = z.object({
  line: z.number().int().describe('1-based line (CSV), row (XLSX) or array position (ingest)'),
  column: z.string().nullable().describe('the column as the file names it'),
  reason: z.string(),
});

export const importResult = z.object({
  id: z.number().int(),
  kind: importKind,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.string().nullable(),
  status: z.enum(['succeeded', 'rejected', 'failed', 'validated']),
  dryRun: z.boolean(),
  code: z.string().nullable(),
  message: z.string(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(rowError).describe('the first 100 problems, in line order'),
  ignoredColumns: z.array(z.string()),
  ms: z.number().int(),
});

export const importResponse = z.object({ import: importResult });

const boolFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === '');

export const uploadQuery = z.object({
  dryRun: boolFlag.describe('validate only: nothing is written'),
  wait: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v !== 'false' && v !== '0')
    .describe('false: answer 202 with the import id at once; poll GET …/imports/{id}'),
  fileName: z.string().max(255).optional().describe('the file name to record (raw uploads)'),
});

/** Rejected or failed imports answer with the error body; the import itself is in details. */
export function importFailure(result: ImportResult): AppError {
  const status =
    result.status === 'failed'
      ? 500
      : result.code === 'rows_rejected' || result.code === 'constraint_violation'
        ? 422
        : result.code === 'import_aborted'
          ? 503
          : 400;
  return new AppError(status, result.code ?? 'import_rejected', result.message, {
    import: result,
  });
}

export const importRecord = z.object({
  id: z.number().int(),
  kind: z.string(),
  fileName: z.string(),
  status: z.enum(['running', 'succeeded', 'rejected', 'failed', 'validated']),
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsRejected: z.number().int(),
  message: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  apiKeyId: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const progress = z.object({
  phase: z.enum(['reading', 'validating', 'merging', 'updating_read_model', 'done']),
  rowsRead: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  elapsedMs: z.number().int(),
});

export const importListResponse = z.object({ imports: z.array(importRecord) });

export const importDetailResponse = z.object({
  import: importRecord.extend({
    errors: z.array(rowError).describe('the first 100 problems; all kept ones in errors.csv'),
    progress: progress.nullable().describe('while running: how far the file has been read'),
  }),
});

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  kind: importKind.optional(),
});
