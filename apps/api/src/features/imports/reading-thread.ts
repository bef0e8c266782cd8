/**
 * Reads a big import file in a worker thread (reading.worker.ts) so that parsing and checking a
 * million rows never holds up the event loop: the dashboard keeps answering while a file loads.
 * The worker posts the stage's COPY text in 64 KB chunks and stays at most WINDOW chunks ahead of
 * the COPY (memory stays flat); row problems and skip counts come back at the end.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportRowError } from '../../db/schema.js';
import type { HeaderMap } from './header-map.js';
import { ImportFileError, MAX_STORED_ERRORS, type ErrorCollector } from './import-errors.js';
import type { ImportKind, KindSpec } from './kinds/index.js';
import type { ImportLimits } from './limits.js';
import { findPreset, type SkipReason } from './presets/index.js';
import type { ReadInfo } from './presets/preset-source.js';
import type { OnProgress, ReadChoice, Reading } from './reading.js';
import type { RowSource } from './source.js';
import type { CopyChunk } from './stage-rows.js';

/** Files from this size are read in a worker; a smaller one is read before a thread would start. */
export const WORKER_FROM_BYTES = 1024 * 1024;

/** Chunks the worker may post before the import has taken the first of them. */
const WINDOW = 8;

export interface ReaderInput {
  path: string;
  limits: ImportLimits;
  kind: ImportKind;
  read: ReadChoice;
  timeZone: string;
  /** The workspace's phone-hash key, hex (identity.ts). */
  key: string;
  window: number;
}

export type ReaderMessage =
  | {
      type: 'header';
      info: Omit<ReadInfo, 'preset'> & { preset: string | null };
      header: HeaderMap;
      ignored: string[];
    }
  | { type: 'chunk'; bytes: Uint8Array; rows: number; rowsRead: number; bytesRead: number }
  | {
      type: 'end';
      rowsRead: number;
      bytesRead: number;
      encoding: string | null;
      skipped: [SkipReason, number][];
      sourceRows: number;
      errors: { kept: ImportRowError[]; total: number; rows: number };
    }
  | {
      type: 'file_error';
      code: string;
      message: string;
      at: { line: number | null; column: string | null };
    }
  | { type: 'crash'; message: string };

function startWorker(input: ReaderInput): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Run from source (tsx, vitest): the worker loads TypeScript through tsx's loader.
    // require.resolve finds the CommonJS build; the worker imports its ES module twin.
    const cjs = createRequire(self).resolve('tsx/esm/api');
    const tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('./reading.worker.ts', self).href;
    const boot = `import(${JSON.stringify(tsx)})
      .then((m) => m.register())
      .then(() => import(${JSON.stringify(entry)}))`;
    return new Worker(boot, { eval: true, workerData: input });
  }
  // The production bundle: dist/reading.worker.js beside server.js and yg.js (build.mjs).
  return new Worker(new URL('./reading.worker.js', self), { workerData: input });
}

/** Reads `source` (a file on disk) in a worker thread. */
export async function readInWorker(
  source: RowSource & { path: string },
  options: {
    spec: KindSpec;
    read: ReadChoice;
    timeZone: string;
    errors: ErrorCollector;
    key: Buffer;
    limits: ImportLimits;
    onProgress: OnProgress;
  },
): Promise<Reading> {
  const worker = startWorker({
    path: source.path,
    limits: options.limits,
    kind: options.spec.kind as ImportKind,
    read: options.read,
    timeZone: options.timeZone,
    key: options.key.toString('hex'),
    window: WINDOW,
  });
  const queue: ReaderMessage[] = [];
  let failure: Error | null = null;
  let ended = false;
  let notify: (() => void) | null = null;
  const wake = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (message: ReaderMessage) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure ??= error;
    wake();
  });
  worker.on('exit', (code) => {
    if (!ended) failure ??= new Error(`the reading thread stopped (exit ${code})`);
    wake();
  });
  const close = async () => {
    ended = true;
    await worker.terminate();
  };
  async function next(): Promise<ReaderMessage> {
    while (queue.length === 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (notify = resolve));
    }
    const message = queue.shift()!;
    if (message.type === 'file_error') {
      throw new ImportFileError(message.code, message.message, message.at);
    }
    if (message.type === 'crash') throw new Error(`the reading thread failed: ${message.message}`);
    return message;
  }

  let first: ReaderMessage;
  try {
    first = await next();
  } catch (error) {
    await close();
    throw error;
  }
  if (first.type !== 'header') throw new Error(`the reading thread began with ${first.type}`);
  const info: ReadInfo = { ...first.info, preset: findPreset(first.info.preset ?? '') ?? null };
  const { errors, onProgress } = options;

  async function* chunks(): AsyncGenerator<CopyChunk> {
    try {
      while (true) {
        const message = await next();
        if (message.type === 'chunk') {
          worker.postMessage('more');
          onProgress(message.rowsRead, message.bytesRead);
          const { buffer, byteOffset, byteLength } = message.bytes;
          yield { bytes: Buffer.from(buffer, byteOffset, byteLength), rows: message.rows };
        } else if (message.type === 'end') {
          for (const problem of message.errors.kept) {
            if (errors.kept.length < MAX_STORED_ERRORS) errors.kept.push(problem);
          }
          errors.total += message.errors.total;
          errors.rows += message.errors.rows;
          info.skipped = new Map(message.skipped);
          info.sourceRows = message.sourceRows;
          source.encoding = message.encoding ?? undefined;
          onProgress(message.rowsRead, message.bytesRead);
          return;
        }
      }
    } finally {
      await close();
    }
  }
  return { info, header: first.header, ignored: first.ignored, chunks: chunks(), close };
}
