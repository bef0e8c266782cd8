/**
 * Progress of running imports, kept in memory per import id so a web page can poll
 * GET …/imports/:id while a large file streams. Entries leave shortly after the import ends.
 * Each also watches the server's event loop while the import runs (its longest stall), the
 * figure that says whether an import holds up the dashboard (bench/import-http.ts reads it).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export type ImportPhase = 'reading' | 'validating' | 'merging' | 'updating_read_model' | 'done';

export interface ImportProgress {
  workspaceId: number;
  phase: ImportPhase;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  startedAt: number;
  /** Event-loop delay of this process since the import started (10 ms resolution). */
  eventLoop: IntervalHistogram;
}

const running = new Map<number, ImportProgress>();
const KEEP_AFTER_DONE_MS = 60_000;

export function startProgress(id: number, workspaceId: number, totalBytes: number): ImportProgress {
  const progress: ImportProgress = {
    workspaceId,
    phase: 'reading',
    rowsRead: 0,
    bytesRead: 0,
    totalBytes,
    startedAt: Date.now(),
    eventLoop: monitorEventLoopDelay({ resolution: 10 }),
  };
  progress.eventLoop.enable();
  running.set(id, progress);
  return progress;
}

export function finishProgress(id: number): void {
  const progress = running.get(id);
  if (!progress) return;
  progress.phase = 'done';
  progress.bytesRead = progress.totalBytes;
  progress.eventLoop.disable();
  setTimeout(() => {
    if (running.get(id) === progress) running.delete(id);
  }, KEEP_AFTER_DONE_MS).unref();
}

export function getProgress(workspaceId: number, id: number): ImportProgress | undefined {
  const progress = running.get(id);
  return progress && progress.workspaceId === workspaceId ? progress : undefined;
}

/** The longest the event loop was held up while this import ran, in milliseconds. */
export function longestStallMs(progress: ImportProgress): number {
  return Math.round(progress.eventLoop.max / 1e6);
}
