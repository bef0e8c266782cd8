import { z } from 'zod';
import { loadConfig } from '../../config.js';
import type { ImportRowError } from '../../db/schema.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { positiveId } from '../../http/schemas.js';
import { writeCsv, writeXlsx, type TableView } from '../exports/table-export.js';
import { findImport, listImports, type ImportRecord } from './imports.queries.js';
import {
  importDetailResponse,
  importFailure,
  importKind,
  importListResponse,
  importResponse,
  listQuery,
  uploadQuery,
} from './imports.schema.js';
import type { DashboardWarmer } from '../warm-up/dashboard-warmer.js';
import { landed, runImport, type ImportResult } from './imports.service.js';
import { DEFAULT_LIMITS } from './limits.js';
import { getProgress } from './progress.js';
import { fileSource } from './source.js';
import { receiveUpload } from './upload.js';

export interface ImportRoutesOptions {
  maxUploadBytes?: number;
  /** No byte for this long → 408 upload_timeout. */
  uploadIdleMs?: number;
  /** An import running longer is stopped and rolled back (import_aborted). */
  importTimeoutMs?: number;
  /** Told about every import that changed data (the dashboard's answers are warmed). */
  warmer?: DashboardWarmer | undefined;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function recordJson(record: ImportRecord) {
  return {
    ...record,
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

const errorsView = (errors: ImportRowError[]): TableView<ImportRowError> => ({
  columns: [
    { label: 'line', value: (e) => e.line },
    { label: 'column', value: (e) => e.column },
    { label: 'reason', value: (e) => e.reason },
  ],
  rows: errors,
});

export function importsRoutes(options: ImportRoutesOptions = {}): RouteDefinition[] {
  const maxUploadBytes = options.maxUploadBytes ?? loadConfig().YUGANG_MAX_UPLOAD_MB * 1024 * 1024;
  const uploadIdleMs = options.uploadIdleMs ?? 60_000;
  const importTimeoutMs = options.importTimeoutMs ?? 30 * 60_000;

  return [
    workspaceRoute({
      method: 'post',
      path: '/workspaces/:ws/imports/:kind',
      summary: 'Import a CSV or XLSX file of one kind (raw body or multipart upload)',
      description:
        'The body is the file itself (Content-Type text/csv, the XLSX type or ' +
        'application/octet-stream) or a multipart/form-data form with one file. UTF-8 (with or ' +
        'without BOM) and GB18030 are detected. The import is one transaction: it lands whole ' +
        'or changes nothing. Rejected rows answer 422 with every problem (line, column, reason) ' +
        'in details.import.errors; a file that cannot be read answers 400 with its code ' +
        '(invalid_header, line_too_long, invalid_xlsx, xlsx_bomb, mixed_encoding, …); a file ' +
        'over YUGANG_MAX_UPLOAD_MB answers 413. See docs/imports.md for the columns.',
      minRole: 'lead',
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
      handler: async ({ req, res, handle, workspace, actor, params, query }) => {
        if (/^application\/json/i.test(req.headers['content-type'] ?? '')) {
          throw new AppError(
            415,
            'unsupported_media_type',
            `send the file itself (text/csv, ${XLSX_TYPE}) or a multipart form; JSON rows go to POST …/ingest/${params.kind}`,
          );
        }
        const upload = await receiveUpload(
          req,
          { maxBytes: maxUploadBytes, idleMs: uploadIdleMs },
          query.fileName ?? `${params.kind} upload`,
        );
        let result: Promise<ImportResult>;
        let started: (id: number) => void = () => {};
        const startedId = new Promise<number>((resolve) => (started = resolve));
        try {
          const source = await fileSource(upload.path, DEFAULT_LIMITS);
          result = runImport(handle, {
            workspace,
            kind: params.kind,
            source,
            fileName: query.fileName ?? upload.fileName,
            dryRun: query.dryRun,
            actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
            signal: AbortSignal.timeout(importTimeoutMs),
            onStarted: started,
          });
        } catch (error) {
          await upload.dispose();
          throw error;
        }
        const cleaned = result.finally(() => upload.dispose());
        void cleaned.then(
          (done) => {
            if (landed(done)) options.warmer?.schedule(workspace.id);
          },
          () => {},
        );
        if (!query.wait) {
          const id = await Promise.race([startedId, cleaned.then((r) => r.id)]);
          cleaned.catch((error: unknown) => console.error('background import failed', error));
          res.status(202).json({
            import: { id, status: 'running' },
            progress: `/api/v1/workspaces/${workspace.slug}/imports/${id}`,
          });
          return undefined as never;
        }
        const done = await cleaned;
        if (done.status === 'rejected' || done.status === 'failed') throw importFailure(done);
        return { import: done };
      },
    }),

    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/imports',
      summary: 'Import history, newest first',
      minRole: 'viewer',
      query: listQuery,
      response: importListResponse,
      handler: async ({ db, workspace, query }) => ({
        imports: (await listImports(db, workspace.id, query)).map(recordJson),
      }),
    }),

    workspaceRoute({
      method: 'get',
      path: '/workspaces/:ws/imports/:id',
      summary: 'One import: outcome, first problems, and progress while it runs',
      minRole: 'viewer',
      params: z.object({ id: positiveId }),
      response: importDetailResponse,
      handler: async ({ db, workspace, params }) => {
        const record = await findImport(db, workspace.id, params.id);
        if (!record) throw notFound(`import ${params.id}`);
        const live = record.status === 'running' ? getProgress(workspace.id, params.id) : undefined;
        return {
          import: {
            ...recordJson(record),
            errors: record.errors.slice(0, 100),
            progress: live
              ? {
                  phase: live.phase,
                  rowsRead: live.rowsRead,
                  bytesRead: live.bytesRead,
                  totalBytes: live.totalBytes,
                  elapsedMs: Date.now() - live.startedAt,
                }
              : null,
          },
        };
      },
    }),

    ...(['csv', 'xlsx'] as const).map((format) =>
      workspaceRoute({
        method: 'get',
        path: `/workspaces/:ws/imports/:id/errors.${format}`,
        summary: `The rejected rows of an import as ${format.toUpperCase()} (line, column, reason)`,
        minRole: 'viewer',
        params: z.object({ id: positiveId }),
        handler: async ({ db, workspace, params, res }) => {
          const record = await findImport(db, workspace.id, params.id);
          if (!record) throw notFound(`import ${params.id}`);
          const name = `import-${record.id}-errors.${format}`;
          res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
          res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
          const view = errorsView(record.errors);
          if (format === 'csv') await writeCsv(res, view);
          else await writeXlsx(res, view, 'errors');
          res.end();
        },
      }),
    ),
  ];
}
