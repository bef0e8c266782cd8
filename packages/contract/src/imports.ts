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

export const skippedRows = z.object({
  code: z.enum(['unpaid', 'no_stable_id', 'summary_row', 'folded', 'duplicate_contact']),
  reason: z.string().describe('English'),
  reasonZh: z.string().describe('简体中文'),
  rows: z.number().int(),
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
  preset: z
    .string()
    .nullable()
    .describe('the platform preset (tmall, douyin, …) or `mapping:<name>` the file was read with'),
  skipped: z
    .array(skippedRows)
    .describe('source rows left out on purpose (unpaid orders, no stable id, folded sub-orders)'),
  ms: z.number().int(),
});

export const importResponse = z.object({ import: importResult });

const boolFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === '');

const name = z.string().min(1).max(100);

/** How a file is read: a platform preset (detected when not named), a saved mapping, a channel. */
function readQuery() {
  return z.object({
    preset: name
      .optional()
      .describe(
        'a platform preset (GET …/import-presets); detected from the header when left out; none: our own columns',
      ),
    mapping: name.optional().describe('a saved column mapping (GET …/import-mappings)'),
    channel: name
      .optional()
      .describe("book the file's orders and new buyers to this channel instead of the preset's"),
  });
}

export const uploadQuery = z.object({
  dryRun: boolFlag.describe('validate only: nothing is written'),
  wait: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v !== 'false' && v !== '0')
    .describe('false: answer 202 with the import id at once; poll GET …/imports/{id}'),
  fileName: z.string().max(255).optional().describe('the file name to record (raw uploads)'),
  ...readQuery().shape,
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
  preset: z.string().nullable().describe('the preset or mapping:<name> the file was read with'),
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

const label = z.object({ zh: z.string(), en: z.string() });

export const importPreset = z.object({
  name: z.string(),
  label,
  kind: importKind,
  channel: z
    .object({ code: z.string(), name: z.string(), domain: z.enum(['public', 'private']) })
    .nullable()
    .describe('the channel its orders and new buyers are booked to (created when missing)'),
  columns: z
    .array(z.object({ column: z.string(), headers: z.array(z.string()), required: z.boolean() }))
    .describe("the header names this platform's export uses"),
});

export const importPresetsResponse = z.object({ presets: z.array(importPreset) });

export const previewQuery = readQuery().extend({
  kind: importKind.optional().describe('the kind expected; detected from the header when left out'),
  rows: z.coerce.number().int().min(1).max(100).default(20),
  columns: z
    .string()
    .max(10_000)
    .optional()
    .describe('an unsaved mapping to try: JSON object, file header → field'),
});

const previewValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importPreview = z.object({
  kind: importKind.nullable().describe('null: no kind matches the header'),
  preset: z.string().nullable(),
  presetLabel: label.nullable(),
  mapping: z.string().nullable(),
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.string().nullable(),
  headerLine: z.number().int().describe('the header row (title rows above it are skipped)'),
  columns: z
    .array(
      z.object({
        header: z.string(),
        field: z.string().nullable().describe('the field it lands in; null: ignored'),
        suggestions: z.array(z.string()).describe('likely fields for an unmapped column'),
      }),
    )
    .describe("the file's columns in order"),
  fields: z.array(
    z.object({ name: z.string(), type: z.string(), required: z.boolean(), present: z.boolean() }),
  ),
  rows: z
    .array(z.object({ line: z.number().int(), values: z.record(z.string(), previewValue) }))
    .describe('the first rows as they will land (money in yuan, phones as their hash)'),
  errors: z.array(rowError).describe('problems in the previewed rows or with the header'),
  skipped: z.array(skippedRows),
  sourceRows: z.number().int().describe('data rows read for the preview'),
  truncated: z.boolean().describe('the preview read only the start of the file'),
});

export const previewResponse = z.object({ preview: importPreview });

export const importMapping = z.object({
  name,
  kind: importKind,
  columns: z
    .record(z.string().min(1).max(200), z.string().max(100))
    .describe('file header → field of the kind ("" ignores the column)'),
  updatedAt: z.iso.datetime(),
});

export const importMappingBody = importMapping.omit({ updatedAt: true });
export const importMappingsResponse = z.object({ mappings: z.array(importMapping) });
export const importMappingResponse = z.object({ mapping: importMapping });

export const importPresetsContract = {
  presets: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/import-presets',
    access: 'viewer',
    summary: 'The platform export presets the importer detects (Tmall, Douyin, WeCom …)',
    response: importPresetsResponse,
  }),
  preview: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/imports/preview',
    access: 'lead',
    summary: 'Detect the kind and preset of a file and show its first rows as they will land',
    description:
      'The body is the file, as for an upload. Nothing is written (the workspace phone-hash key ' +
      'is created on first use). Unmapped columns come with suggested fields.',
    query: previewQuery,
    response: previewResponse,
    openapi: {
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string', format: 'binary' } },
          [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
        },
      },
    },
  }),
  mappings: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/import-mappings',
    access: 'viewer',
    summary: "The workspace's saved column mappings",
    response: importMappingsResponse,
  }),
  saveMapping: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/import-mappings',
    access: 'lead',
    summary: 'Save a named column mapping (replaces one of the same name)',
    body: importMappingBody,
    response: importMappingResponse,
  }),
  deleteMapping: defineRoute({
    method: 'delete',
    path: '/workspaces/:ws/import-mappings/:name',
    access: 'lead',
    summary: 'Delete a saved column mapping',
    params: z.object({ name }),
  }),
};
