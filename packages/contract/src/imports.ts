import { z } from 'zod';
import { defineRoute } from './route.js';
import { positiveId } from './common.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The kinds of file a workspace loads, in the order it loads them (channels before customers before orders). */
export const IMPORT_KINDS = [
  'channels',
  'customers',
  'orders',
  'costs',
  'conversations',
  'group_daily',
  'accounts',
  'account_daily',
  'live_sessions',
  'experiments',
] as const;

export const importKind = z.enum(IMPORT_KINDS);
export type ImportKindName = z.output<typeof importKind>;

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

export const importsContract = {
  upload: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/imports/:kind',
    access: 'lead',
    summary: 'Import a CSV or XLSX file of one kind (raw body or multipart upload)',
    description:
      'The body is the file itself (Content-Type text/csv, the XLSX type or ' +
      'application/octet-stream) or a multipart/form-data form with one file. UTF-8 (with or ' +
      'without BOM) and GB18030 are detected. The import is one transaction: it lands whole ' +
      'or changes nothing. Rejected rows answer 422 with every problem (line, column, reason) ' +
      'in details.import.errors; a file that cannot be read answers 400 with its code ' +
      '(invalid_header, line_too_long, invalid_xlsx, xlsx_bomb, mixed_encoding, …); a file ' +
      'over YUGANG_MAX_UPLOAD_MB answers 413. See docs/imports.md for the columns.',
    params: z.object({ kind: importKind }),
    query: uploadQuery,
    response: importResponse,
    openapi: {
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string', format: 'binary' } },
          [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
    },
  }),
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports',
    access: 'viewer',
    summary: 'Import history, newest first',
    query: listQuery,
    response: importListResponse,
  }),
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports/:id',
    access: 'viewer',
    summary: 'One import: outcome, first problems, and progress while it runs',
    params: z.object({ id: positiveId }),
    response: importDetailResponse,
  }),
  errorsCsv: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports/:id/errors.csv',
    access: 'viewer',
    summary: 'The rejected rows of an import as CSV (line, column, reason)',
    params: z.object({ id: positiveId }),
  }),
  errorsXlsx: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports/:id/errors.xlsx',
    access: 'viewer',
    summary: 'The rejected rows of an import as XLSX (line, column, reason)',
    params: z.object({ id: positiveId }),
  }),
};
