import {
  importsContract,
  localizeRowReason,
  ROW_ERROR_HEADINGS,
  XLSX_TYPE,
} from '@yugang/contract';
import type { Locale } from '@yugang/metrics';
import { loadConfig } from '../../config.js';
import type { ImportRowError } from '../../db/schema.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { implement, type RouteDefinition } from '../../http/route.js';
import { writeCsv, writeXlsx, type TableView } from '../../lib/table-export.js';
import { findImport, listImports, type ImportRecord } from './imports.queries.js';
import type { DashboardWarmer } from '../../warm-up/dashboard-warmer.js';
import { acceptedImport, finishedImport, importUpload } from './imports.runner.js';
import { readOptions } from './mapping.js';
import { getProgress, longestStallMs } from './progress.js';
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

function recordJson(record: ImportRecord) {
  return {
    ...record,
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

/** The errors download in the reader's language: headings and reasons from the contract's catalog. */
function errorsView(errors: ImportRowError[], locale: Locale): TableView<ImportRowError> {
  const heading = ROW_ERROR_HEADINGS[locale];
  return {
    columns: [
      { label: heading.line, value: (e) => e.line },
      { label: heading.column, value: (e) => e.column },
      { label: heading.reason, value: (e) => localizeRowReason(e.reason, locale) },
    ],
    rows: errors,
  };
}

/** `?lang=`, else the first language of Accept-Language we speak, else Chinese. */
function downloadLocale(lang: Locale | undefined, acceptLanguage: string | undefined): Locale {
  if (lang) return lang;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function importsRoutes(options: ImportRoutesOptions = {}): RouteDefinition[] {
  const maxUploadBytes = options.maxUploadBytes ?? loadConfig().YUGANG_MAX_UPLOAD_MB * 1024 * 1024;
  const uploadIdleMs = options.uploadIdleMs ?? 60_000;
  const importTimeoutMs = options.importTimeoutMs ?? 30 * 60_000;

  return [
    implement(
      importsContract.upload,
      async ({ req, res, handle, workspace, actor, params, query }) => {
        if (/^application\/json/i.test(req.headers['content-type'] ?? '')) {
          throw new AppError(
            415,
            'unsupported_media_type',
            `send the file itself (text/csv, ${XLSX_TYPE}) or a multipart form; JSON rows go to POST …/ingest/${params.kind}`,
          );
        }
        // A preset, saved mapping or channel named in the query (a bad one answers before the body).
        const read = await readOptions(handle.db, workspace.id, params.kind, query);
        const upload = await receiveUpload(
          req,
          { maxBytes: maxUploadBytes, idleMs: uploadIdleMs },
          query.fileName ?? `${params.kind} upload`,
        );
        const run = await importUpload(
          handle,
          upload,
          {
            workspace,
            kind: params.kind,
            fileName: query.fileName ?? upload.fileName,
            dryRun: query.dryRun,
            actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
            read,
            timeoutMs: importTimeoutMs,
          },
          options.warmer,
        );
        if (!query.wait) {
          res.status(202).json(acceptedImport(workspace.slug, await run.inBackground()));
          return undefined as never;
        }
        return { import: finishedImport(await run.done) };
      },
    ),

    implement(importsContract.list, async ({ db, workspace, query }) => ({
      imports: (await listImports(db, workspace.id, query)).map(recordJson),
    })),

    implement(importsContract.get, async ({ db, workspace, params }) => {
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
                eventLoopMaxMs: longestStallMs(live),
              }
            : null,
        },
      };
    }),

    ...(['csv', 'xlsx'] as const).map((format) =>
      implement(
        format === 'csv' ? importsContract.errorsCsv : importsContract.errorsXlsx,
        async ({ db, workspace, params, query, req, res }) => {
          const record = await findImport(db, workspace.id, params.id);
          if (!record) throw notFound(`import ${params.id}`);
          const name = `import-${record.id}-errors.${format}`;
          res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
          res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
          const view = errorsView(
            record.errors,
            downloadLocale(query.lang, req.headers['accept-language']),
          );
          if (format === 'csv') await writeCsv(res, view);
          else await writeXlsx(res, view, 'errors');
          res.end();
        },
      ),
    ),
  ];
}
