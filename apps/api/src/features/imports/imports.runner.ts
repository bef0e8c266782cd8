/**
 * How the server runs the imports it receives, so the routes stay thin: an uploaded file is read
 * from its temp file (removed when the import ends) and either awaited or left running in the
 * background once its history row exists (202 with a progress link); a rejected or failed import
 * becomes the error answer; one that landed tells the dashboard warmer (warm-up/). Every import
 * that is not a dry run is written to the audit log with its outcome (`imports.run`).
 */
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { DashboardWarmer } from '../../warm-up/dashboard-warmer.js';
import { importFailure } from './import-errors.js';
import { landed, runImport, type ImportOptions, type ImportResult } from './imports.service.js';
import { DEFAULT_LIMITS } from './limits.js';
import { fileSource } from './source.js';
import type { Upload } from './upload.js';

/** A finished import, or the error answer of a rejected or failed one. */
export function finishedImport(result: ImportResult): ImportResult {
  if (result.status === 'rejected' || result.status === 'failed') throw importFailure(result);
  return result;
}

/** Who ran which import and how it ended; a dry run changes nothing and is not recorded. */
async function auditImport(
  db: Kysely<Database>,
  options: Pick<ImportOptions, 'workspace' | 'actor'>,
  result: ImportResult,
): Promise<void> {
  if (result.dryRun) return;
  await recordAudit(db, {
    workspaceId: options.workspace.id,
    actor: options.actor ?? { userId: null, apiKeyId: null },
    action: 'imports.run',
    target: result.fileName,
    details: {
      id: result.id,
      kind: result.kind,
      status: result.status,
      inserted: result.inserted,
      updated: result.updated,
      rejected: result.rejected,
    },
  });
}

/** Imports rows to the end (JSON ingest): the finished import, or the error answer. */
export async function importRows(
  handle: DatabaseHandle,
  options: ImportOptions,
  warmer?: DashboardWarmer,
): Promise<ImportResult> {
  const outcome = await runImport(handle, options);
  await auditImport(handle.db, options, outcome);
  const result = finishedImport(outcome);
  if (landed(result)) warmer?.schedule(options.workspace.id);
  return result;
}

export interface UploadImport {
  /** The import's outcome (the temp file is gone by then). */
  done: Promise<ImportResult>;
  /** The import id as soon as its history row exists; the import goes on in the background. */
  inBackground(): Promise<number>;
}

/** Starts importing an uploaded file (stopped and rolled back after `timeoutMs`). */
export async function importUpload(
  handle: DatabaseHandle,
  upload: Upload,
  options: Omit<ImportOptions, 'source' | 'onStarted' | 'signal'> & { timeoutMs: number },
  warmer?: DashboardWarmer,
): Promise<UploadImport> {
  const { timeoutMs, ...rest } = options;
  let started: (id: number) => void = () => {};
  const startedId = new Promise<number>((resolve) => (started = resolve));
  let result: Promise<ImportResult>;
  try {
    const source = await fileSource(upload.path, DEFAULT_LIMITS);
    result = runImport(handle, {
      ...rest,
      source,
      signal: AbortSignal.timeout(timeoutMs),
      onStarted: started,
    });
  } catch (error) {
    await upload.dispose();
    throw error;
  }
  const done = result
    .then(async (finished) => {
      await auditImport(handle.db, options, finished);
      return finished;
    })
    .finally(() => upload.dispose());
  void done.then(
    (finished) => {
      if (landed(finished)) warmer?.schedule(options.workspace.id);
    },
    () => {},
  );
  return {
    done,
    async inBackground() {
      const id = await Promise.race([startedId, done.then((r) => r.id)]);
      done.catch((error: unknown) => console.error('background import failed', error));
      return id;
    },
  };
}

/** The 202 answer of an import left running: where to follow it. */
export function acceptedImport(workspaceSlug: string, id: number) {
  return {
    import: { id, status: 'running' as const },
    progress: `/api/v1/workspaces/${workspaceSlug}/imports/${id}`,
  };
}
