import { LOCALES, type Locale } from '@yugang/metrics';
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

/** Why a source row is left out on purpose: counted per import, shown in both languages. */
export const SKIP_REASONS = {
  unpaid: { en: 'unpaid order (never paid)', zh: '未付款订单（未支付）' },
  no_stable_id: {
    en: 'no stable id (no customer or buyer id, account or full mobile number)',
    zh: '没有稳定标识（无客户/买家ID、账号或完整手机号）',
  },
  summary_row: { en: 'summary or note row', zh: '合计或说明行' },
  folded: { en: 'sub-order or SKU row folded into its order', zh: '子订单/SKU 行已合并到订单' },
  duplicate_contact: {
    en: 'same customer added by another staff member (earliest add time kept)',
    zh: '同一客户被其他员工添加（保留最早添加时间）',
  },
} as const;

export type SkipReasonCode = keyof typeof SKIP_REASONS;

const SKIP_CODES = Object.keys(SKIP_REASONS) as [SkipReasonCode, ...SkipReasonCode[]];

/**
 * Row problems, one catalog for the page and the errors download: the API writes each in
 * English with its values (`unknown customer C9: import customers first`); each entry has a
 * code, that sentence as a pattern, and its Chinese with the same values. A sentence not in the
 * catalog is shown as the API wrote it rather than guessed at.
 */
const WHAT: Record<string, string> = {
  customer: '客户',
  channel: '渠道',
  account: '账号',
  status: '状态',
  domain: '域',
  category: '类别',
  channels: '渠道',
  customers: '客户',
  accounts: '账号',
  orders: '订单',
};
const what = (word: string) => WHAT[word] ?? word;

export interface RowReason {
  code: string;
  en: RegExp;
  zh: (...values: string[]) => string;
}

export const ROW_REASONS: readonly RowReason[] = [
  { code: 'empty', en: /^is empty$/, zh: () => '为空' },
  {
    code: 'unknown_reference',
    en: /^unknown (\w+) (.+): import (\w+) first$/,
    zh: (w, v, k) => `未知的${what(w!)} ${v}：请先导入${what(k!)}`,
  },
  {
    code: 'unknown_reference_in_file',
    en: /^unknown (\w+) (.+) \(neither in this file nor imported before\)$/,
    zh: (w, v) => `未知的${what(w!)} ${v}（本文件和已导入的数据中都没有）`,
  },
  {
    code: 'unknown_word',
    en: /^unknown (\w+) (.+) \((.+)\)$/,
    zh: (w, v, allowed) => `无法识别的${what(w!)} ${v}（可填：${allowed}）`,
  },
  {
    code: 'duplicate',
    en: /^duplicate (.+?) (\S+) \(first on line (\d+)\)$/,
    zh: (key, v, line) => `重复的 ${key} ${v}（第 ${line} 行已出现）`,
  },
  {
    code: 'not_datetime',
    en: /^not a date\/time: (.+) \(use (.+)\)$/,
    zh: (v, f) => `不是日期时间：${v}（请用 ${f}）`,
  },
  {
    code: 'not_date',
    en: /^not a date: (.+) \(use (.+)\)$/,
    zh: (v, f) => `不是日期：${v}（请用 ${f}）`,
  },
  {
    code: 'not_calendar_date',
    en: /^not a calendar date: (.+)$/,
    zh: (v) => `日历上没有这一天：${v}`,
  },
  {
    code: 'not_month',
    en: /^not a month: (.+) \(use (.+)\)$/,
    zh: (v, f) => `不是月份：${v}（请用 ${f}）`,
  },
  { code: 'not_time', en: /^not a time: (.+)$/, zh: (v) => `不是时间：${v}` },
  { code: 'not_offset', en: /^not a time zone offset: (.+)$/, zh: (v) => `不是时区偏移：${v}` },
  { code: 'negative', en: /^must not be negative: (.+)$/, zh: (v) => `不能为负数：${v}` },
  {
    code: 'not_amount',
    en: /^not an amount in yuan: (.+)$/,
    zh: (v) => `不是以元为单位的金额：${v}`,
  },
  { code: 'not_count', en: /^not a (?:count|whole number): (.+)$/, zh: (v) => `不是整数：${v}` },
  {
    code: 'money_decimals',
    en: /^more than 2 decimals: (.+)$/,
    zh: (v) => `金额最多 2 位小数：${v}`,
  },
  { code: 'too_large', en: /^too large: (.+)$/, zh: (v) => `数值过大：${v}` },
  { code: 'not_rate', en: /^not a rate: (.+)$/, zh: (v) => `不是比率：${v}` },
  {
    code: 'rate_range',
    en: /^a rate must be between 0 and 1 \(or 0%–100%\): (.+)$/,
    zh: (v) => `比率须在 0 到 1 之间（或 0%–100%）：${v}`,
  },
  {
    code: 'rate_decimals',
    en: /^a rate has at most 4 decimals \(2 in percent\): (.+)$/,
    zh: (v) => `比率最多 4 位小数（百分数 2 位）：${v}`,
  },
  {
    code: 'not_bool',
    en: /^not yes\/no: (.+) \(use .+\)$/,
    zh: (v) => `不是“是/否”：${v}（请用 是/否 或 1/0）`,
  },
  { code: 'too_long', en: /^longer than (\d+) characters$/, zh: (n) => `超过 ${n} 个字符` },
  {
    code: 'excel_shortened',
    en: /^(.+) is a number Excel shortened; format the column as text and export again$/,
    zh: (v) => `${v} 是被 Excel 缩写的数字：请把该列设为文本后重新导出`,
  },
  {
    code: 'not_mobile',
    en: /^not a mainland mobile number: (.+)$/,
    zh: (v) => `不是中国大陆手机号：${v}`,
  },
  {
    code: 'refund_over_amount',
    en: /^refund is larger than the amount paid$/,
    zh: () => '退款金额大于实付金额',
  },
  {
    code: 'left_before_join',
    en: /^left the private domain before joining it$/,
    zh: () => '离开私域的时间早于加入私域的时间',
  },
  {
    code: 'reply_before_inbound',
    en: /^first reply is before the first inbound message$/,
    zh: () => '首次回复早于首次咨询',
  },
  {
    code: 'active_over_members',
    en: /^more active members than members$/,
    zh: () => '活跃成员数大于群成员数',
  },
  {
    code: 'internal_over_members',
    en: /^more internal members than members$/,
    zh: () => '内部成员数大于群成员数',
  },
  {
    code: 'self_backup',
    en: /^an account cannot back itself up$/,
    zh: () => '账号不能做自己的备用号',
  },
  {
    code: 'bad_arm',
    en: /^arm must be treatment .+$/,
    zh: () => '分组须为 实验组（treatment）或 对照组（holdout）',
  },
];

/** The catalog entry of a row problem and its values, or null for a sentence it does not know. */
export function rowReasonCode(reason: string): { code: string; values: string[] } | null {
  for (const entry of ROW_REASONS) {
    const match = entry.en.exec(reason);
    if (match) return { code: entry.code, values: match.slice(1) };
  }
  return null;
}

/** A row problem in the reader's language. */
export function localizeRowReason(reason: string, locale: Locale): string {
  if (locale === 'en') return reason;
  const found = rowReasonCode(reason);
  if (!found) return reason;
  return ROW_REASONS.find((e) => e.code === found.code)!.zh(...found.values);
}

/** The errors download's column headings. */
export const ROW_ERROR_HEADINGS: Record<Locale, { line: string; column: string; reason: string }> =
  {
    'zh-CN': { line: '行', column: '列', reason: '原因' },
    en: { line: 'line', column: 'column', reason: 'reason' },
  };

export const skippedRows = z.object({
  code: z.enum(SKIP_CODES),
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
  eventLoopMaxMs: z
    .number()
    .int()
    .describe("the server's longest event-loop stall since the import started, in ms"),
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

export const errorsQuery = z.object({
  lang: z
    .enum(LOCALES)
    .optional()
    .describe("the reasons' language; else the request's Accept-Language, else Chinese"),
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
    query: errorsQuery,
  }),
  errorsXlsx: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports/:id/errors.xlsx',
    access: 'viewer',
    summary: 'The rejected rows of an import as XLSX (line, column, reason)',
    params: z.object({ id: positiveId }),
    query: errorsQuery,
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
