import { SKIP_REASONS } from '@yugang/contract';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle, Transaction } from '../../db/database.js';
import type { Database, ImportRowError, ImportStatus, Workspace } from '../../db/schema.js';
import { applyOrderChanges } from '../../read-model/read-model.refresh.js';
import { namesCustomers, recordIdentities, resolveCustomers } from './customer-identities.js';
import { ErrorCollector, ImportFileError, MAX_LISTED_ERRORS } from './import-errors.js';
import { idHasher, identityKey, type IdHasher } from './identity.js';
import { finishImport, insertImport } from './imports.queries.js';
import { KIND_SPECS, stageColumns, type ImportKind, type KindSpec } from './kinds/index.js';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js';
import { finishProgress, startProgress, type ImportProgress } from './progress.js';
import type { SkipReason } from './presets/index.js';
import type { ReadInfo, ReadOptions } from './presets/preset-source.js';
import { readHere } from './reading.js';
import { readInWorker, WORKER_FROM_BYTES } from './reading-thread.js';
import type { RowSource } from './source.js';
import { CHANGED, changesReadModel, checkSet, createChangeTables, merge } from './staged-set.js';
import { copyRows } from './stage-rows.js';

export interface ImportOptions {
  workspace: Workspace;
  kind: ImportKind;
  source: RowSource;
  fileName: string;
  dryRun?: boolean;
  actor?: { userId: number | null; apiKeyId: number | null };
  limits?: ImportLimits;
  /** Called once the history row exists (before any row is read). */
  onStarted?: (id: number) => void;
  /** Aborts the import (timeout, client gone); nothing is written. */
  signal?: AbortSignal;
  /** A platform preset or saved mapping (presets/); without one, presets are detected. */
  read?: Omit<ReadOptions, 'kind' | 'timeZone'>;
}

export interface SkippedRows {
  code: SkipReason;
  reason: string;
  reasonZh: string;
  rows: number;
}

export interface ImportResult {
  id: number;
  kind: ImportKind;
  fileName: string;
  format: RowSource['format'];
  encoding: string | null;
  status: Exclude<ImportStatus, 'running'>;
  dryRun: boolean;
  /** For a rejected file: what was wrong with it as a whole (e.g. line_too_long). */
  code: string | null;
  message: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows with at least one problem. */
  rejected: number;
  /** Problems found (a row may have several); `errors` lists the first 100. */
  errorCount: number;
  errors: ImportRowError[];
  ignoredColumns: string[];
  /** The platform preset or saved mapping the file was read with. */
  preset: string | null;
  /** Source rows left out on purpose (unpaid, no stable id, folded …), counted per reason. */
  skipped: SkippedRows[];
  ms: number;
}

/** Rolls the transaction back while carrying the outcome out of it. */
class Rollback extends Error {
  constructor(readonly outcome: Outcome) {
    super('rollback');
  }
}

interface Outcome {
  status: ImportResult['status'];
  code: string | null;
  message: string;
  inserted: number;
  updated: number;
}

/**
 * Imports one file (or JSON rows) of one kind: streams and checks each row, COPYs the good ones
 * into a temp stage, checks across rows in SQL, then upserts into the base table and updates
 * the read model, all in ONE transaction: the import lands whole or changes nothing.
 * The outcome is written to the imports table (history) either way.
 */
export async function runImport(
  handle: DatabaseHandle,
  options: ImportOptions,
): Promise<ImportResult> {
  const started = performance.now();
  const { workspace, kind, source } = options;
  const spec = KIND_SPECS[kind];
  const limits = options.limits ?? DEFAULT_LIMITS;
  const dryRun = options.dryRun ?? false;
  const id = await insertImport(handle.db, {
    workspaceId: workspace.id,
    kind,
    fileName: options.fileName,
    dryRun,
    userId: options.actor?.userId ?? null,
    apiKeyId: options.actor?.apiKeyId ?? null,
  });
  const progress = startProgress(id, workspace.id, source.totalBytes);
  options.onStarted?.(id);
  const errors = new ErrorCollector();
  const state = { rowsRead: 0, ignored: [] as string[], read: null as ReadInfo | null };
  const key = await identityKey(handle.db, workspace.id);
  let outcome: Outcome;
  try {
    outcome = await handle.transaction(async (tx) => {
      const result = await importInTransaction(handle, tx, {
        spec,
        workspace,
        source,
        limits,
        errors,
        progress,
        state,
        signal: options.signal,
        read: options.read ?? {},
        hash: idHasher(key),
        key,
      });
      if (errors.total > 0) {
        throw new Rollback({
          status: 'rejected',
          code: 'rows_rejected',
          message: `${errors.rows} row${errors.rows === 1 ? '' : 's'} rejected; nothing was imported`,
          inserted: 0,
          updated: 0,
        });
      }
      if (dryRun) {
        throw new Rollback({
          status: 'validated',
          code: null,
          message: `dry run: ${state.rowsRead} rows are valid (${result.inserted} new, ${result.updated} changed); nothing was written`,
          ...result,
        });
      }
      return {
        status: 'succeeded' as const,
        code: null,
        message: `${state.rowsRead} rows imported (${result.inserted} new, ${result.updated} changed)`,
        ...result,
      };
    });
  } catch (error) {
    outcome = outcomeOf(error, errors, state.rowsRead);
  } finally {
    finishProgress(id);
  }
  if (outcome.status === 'rejected' && errors.rows === 0) errors.rows = errors.total > 0 ? 1 : 0;
  const sorted = errors.kept.sort((a, b) => a.line - b.line);
  await finishImport(handle.db, workspace.id, id, {
    status: outcome.status,
    rowsRead: state.rowsRead,
    inserted: outcome.inserted,
    updated: outcome.updated,
    rejected: errors.rows,
    errors: sorted,
    message: outcome.message,
  });
  const changed = outcome.inserted + outcome.updated;
  const read = state.read;
  const preset = read?.preset?.name ?? (read?.mapping ? `mapping:${read.mapping}` : null);
  if (preset) {
    await handle.db
      .updateTable('imports')
      .set({ preset })
      .where('workspace_id', '=', workspace.id)
      .where('id', '=', id)
      .execute();
  }
  return {
    id,
    kind,
    fileName: options.fileName,
    format: source.format,
    encoding: source.encoding ?? null,
    status: outcome.status,
    dryRun,
    code: outcome.code,
    message: outcome.message,
    rowsRead: state.rowsRead,
    inserted: outcome.inserted,
    updated: outcome.updated,
    unchanged:
      outcome.status === 'succeeded' || outcome.status === 'validated'
        ? Math.max(0, state.rowsRead - changed)
        : 0,
    rejected: errors.rows,
    errorCount: errors.total,
    errors: sorted.slice(0, MAX_LISTED_ERRORS),
    ignoredColumns: state.ignored,
    preset,
    skipped: [...(read?.skipped ?? [])].map(([code, rows]) => ({
      code,
      reason: SKIP_REASONS[code].en,
      reasonZh: SKIP_REASONS[code].zh,
      rows,
    })),
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Whether the import landed (not a dry run, not rejected). Even one that changed no row starts a
 * new data version (read-model-cache.ts), so the cached dashboard answers are recomputed.
 */
export function landed(result: ImportResult): boolean {
  return result.status === 'succeeded';
}

/** Turns whatever stopped the import into a recorded outcome; nothing was written. */
function outcomeOf(error: unknown, errors: ErrorCollector, rowsRead: number): Outcome {
  if (error instanceof Rollback) return error.outcome;
  const none = { inserted: 0, updated: 0 };
  if (error instanceof ImportFileError) {
    errors.add({ line: error.at.line ?? 0, column: error.at.column, reason: error.message });
    errors.rows = Math.max(errors.rows, 1);
    return { status: 'rejected', code: error.code, message: error.message, ...none };
  }
  const pgError = error as { code?: unknown; message?: unknown; constraint?: unknown };
  if (typeof pgError.code === 'string' && /^(22|23)/.test(pgError.code)) {
    // A rule the checks above missed (e.g. a partial update breaking a table constraint).
    const message = `the database refused the rows: ${String(pgError.message)}`;
    errors.add({ line: 0, column: null, reason: message });
    errors.rows = Math.max(errors.rows, 1);
    return { status: 'rejected', code: 'constraint_violation', message, ...none };
  }
  console.error('import failed', error);
  return {
    status: 'failed',
    code: 'internal',
    message: `the import failed after ${rowsRead} rows; nothing was written`,
    ...none,
  };
}

interface Context {
  spec: KindSpec;
  workspace: Workspace;
  source: RowSource;
  limits: ImportLimits;
  errors: ErrorCollector;
  progress: ImportProgress;
  state: { rowsRead: number; ignored: string[]; read: ReadInfo | null };
  signal: AbortSignal | undefined;
  read: Omit<ReadOptions, 'kind' | 'timeZone'>;
  hash: IdHasher;
  /** The workspace's phone-hash key (a reading thread builds its own hasher from it). */
  key: Buffer;
}

async function importInTransaction(
  handle: DatabaseHandle,
  tx: Transaction,
  ctx: Context,
): Promise<{ inserted: number; updated: number }> {
  const { spec, errors, progress } = ctx;
  const columns = ['line', ...spec.fields.flatMap((f) => stageColumns(f).map(([name]) => name))];
  const definitions = [
    'line integer not null',
    ...spec.fields.flatMap((f) => stageColumns(f).map(([name, type]) => `${name} ${type}`)),
  ];
  // Sorts and hashes over a whole file (checks, merge, read-model build) stay in memory: a
  // 1M-row file sorts ~130 MB. Per sort, on the server, for this transaction only.
  await sql`set local work_mem = '256MB'`.execute(tx.db);
  await sql
    .raw(`create temp table stage (${definitions.join(', ')}) on commit drop`)
    .execute(tx.db);

  const onProgress = (rowsRead: number, bytesRead: number) => {
    ctx.state.rowsRead = rowsRead;
    progress.rowsRead = rowsRead;
    progress.bytesRead = bytesRead;
    if (ctx.signal?.aborted) throw abortError(ctx.signal);
  };
  const source = ctx.source;
  const options = {
    spec,
    read: ctx.read,
    timeZone: ctx.workspace.time_zone,
    errors,
    onProgress,
  };
  const reading =
    source.path !== undefined && source.totalBytes >= WORKER_FROM_BYTES
      ? await readInWorker(source as RowSource & { path: string }, {
          ...options,
          key: ctx.key,
          limits: ctx.limits,
        })
      : await readHere(source.batches, () => source.bytesRead(), { ...options, hash: ctx.hash });
  const header = reading.header;
  ctx.state.read = reading.info;
  ctx.state.ignored = reading.ignored;
  let staged: number;
  try {
    staged = await copyRows(tx, handle.engine, 'stage', columns, reading.chunks);
  } finally {
    await reading.close();
  }
  if (ctx.state.rowsRead === 0) {
    throw new ImportFileError('no_rows', 'the file has a header but no data rows', {
      line: 2,
      column: null,
    });
  }
  if (ctx.signal?.aborted) throw abortError(ctx.signal);

  progress.phase = 'validating';
  if (staged > 10_000) await sql`analyze stage`.execute(tx.db);
  if (namesCustomers(spec)) await resolveCustomers(tx.db, spec, ctx.workspace.id);
  if (changesReadModel(spec)) await createChangeTables(tx.db);
  if (reading.info.preset?.kind === 'orders') await addBuyers(tx.db, ctx, reading.info);
  await checkSet(tx.db, ctx, header);
  if (errors.total > 0) return { inserted: 0, updated: 0 };

  // The time cap is also checked between the phases (a statement already running finishes).
  if (ctx.signal?.aborted) throw abortError(ctx.signal);
  progress.phase = 'merging';
  const merged = await merge(tx.db, ctx, header);
  if (spec.identity) await recordIdentities(tx.db, ctx.workspace.id);
  if (changesReadModel(spec)) {
    if (ctx.signal?.aborted) throw abortError(ctx.signal);
    progress.phase = 'updating_read_model';
    await applyOrderChanges(
      tx,
      ctx.workspace.id,
      sql`select id from ${sql.table(CHANGED.customers)}`,
      sql`select id from ${sql.table(CHANGED.newOrders)}`,
    );
  }
  if (ctx.signal?.aborted) throw abortError(ctx.signal);
  return { inserted: merged.inserted, updated: merged.updated };
}

/**
 * A platform export's buyers without a customer row get one (acquired at their first order here,
 * through the order's channel); the preset's channel is created first when the workspace lacks
 * it. The new customers go to CHANGED.customers (the read model adds them).
 */
async function addBuyers(db: Kysely<Database>, ctx: Context, info: ReadInfo): Promise<void> {
  const ws = ctx.workspace.id;
  if (info.channel) {
    await db
      .insertInto('channels')
      .values({ workspace_id: ws, ...info.channel, commission_rate: null })
      .onConflict((oc) => oc.columns(['workspace_id', 'code']).doNothing())
      .execute();
  }
  const at = `coalesce(s.ordered_at_abs, s.ordered_at_local at time zone w.time_zone)`;
  await sql
    .raw(
      `with added as (
       insert into customers (workspace_id, external_id, acquired_at, acquisition_channel)
       select w.id, s.customer_id, min(${at}), (array_agg(s.channel order by ${at}))[1]
       from stage s cross join workspaces w
       join channels ch on ch.workspace_id = w.id and ch.code = s.channel
       where w.id = ${ws} and s.customer_id is not null and not exists (
         select 1 from customers c where c.workspace_id = w.id and c.external_id = s.customer_id)
       group by w.id, s.customer_id
       on conflict do nothing
       returning id)
       insert into ${CHANGED.customers} select id from added`,
    )
    .execute(db);
}

function abortError(signal: AbortSignal): ImportFileError {
  const reason: unknown = signal.reason;
  // AbortSignal.timeout() aborts with a TimeoutError whose message names no import.
  const why =
    reason instanceof Error && reason.name === 'TimeoutError'
      ? 'it ran longer than its time limit'
      : reason instanceof Error
        ? reason.message
        : String(reason);
  return new ImportFileError(
    'import_aborted',
    `the import was stopped (${why}); nothing was written`,
  );
}
