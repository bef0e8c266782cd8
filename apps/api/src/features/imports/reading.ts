/**
 * The reading phase of an import, up to the COPY text of the stage: find the header (below title
 * rows, through a preset or saved mapping), map it to the kind's fields, then check and convert
 * each row (stage-rows.ts). The same code runs in the server's thread (JSON ingest, small files)
 * or in a worker thread (reading-thread.ts), so a big file never holds up the event loop.
 */
import type { SourceRow } from './csv.js';
import { mapHeader, type HeaderMap } from './header-map.js';
import type { ErrorCollector } from './import-errors.js';
import type { IdHasher } from './identity.js';
import type { ImportKind, KindSpec } from './kinds/index.js';
import { readWithPreset, type ReadInfo, type ReadOptions } from './presets/preset-source.js';
import { emptyFile } from './source.js';
import { copyChunks, rowConverter, type CopyChunk } from './stage-rows.js';

export type ReadChoice = Omit<ReadOptions, 'kind' | 'timeZone'>;

/** What the reading phase tells the import before the first row is staged, and the rows. */
export interface Reading {
  info: ReadInfo;
  header: HeaderMap;
  /** The file's columns that land nowhere. */
  ignored: string[];
  /** COPY text of the good rows; problems go to the import's ErrorCollector. */
  chunks: AsyncGenerator<CopyChunk>;
  /** Stops reading (a worker thread is ended); called once the import is done with the rows. */
  close(): Promise<void>;
}

/** Reports rows read and bytes read so far; may throw to stop the import (abort). */
export type OnProgress = (rowsRead: number, bytesRead: number) => void;

/** The header row found and mapped; the data rows still to come. */
export async function openRows(
  batches: AsyncIterable<SourceRow[]>,
  spec: KindSpec,
  read: ReadChoice,
  timeZone: string,
): Promise<{
  info: ReadInfo;
  header: HeaderMap;
  ignored: string[];
  first: SourceRow[];
  rest: AsyncIterator<SourceRow[]>;
}> {
  const found = await readWithPreset(batches, {
    ...read,
    kind: spec.kind as ImportKind,
    timeZone,
  });
  const rest = found.batches[Symbol.asyncIterator]();
  let first = await rest.next();
  while (!first.done && first.value.length === 0) first = await rest.next();
  if (first.done) throw emptyFile();
  const header = mapHeader(spec, first.value[0]!.cells);
  const info = found.info;
  // Errors name the platform's own columns, not ours.
  header.labels = header.labels.map((label, i) => info.labels[spec.fields[i]!.name] ?? label);
  const presetRead = info.read;
  const ignored = presetRead
    ? info.header.map((h) => h.trim()).filter((h, i) => h !== '' && !presetRead.has(i))
    : header.ignored;
  return { info, header, ignored, first: first.value.slice(1), rest };
}

/** Counts a row that names nobody (the kind's identity fields all empty). */
export function noStableId(info: ReadInfo): () => void {
  return () => info.skipped.set('no_stable_id', (info.skipped.get('no_stable_id') ?? 0) + 1);
}

/** Reads in this thread. */
export async function readHere(
  batches: AsyncIterable<SourceRow[]>,
  bytesRead: () => number,
  options: {
    spec: KindSpec;
    read: ReadChoice;
    timeZone: string;
    errors: ErrorCollector;
    hash: IdHasher;
    onProgress: OnProgress;
    chunkChars?: number;
  },
): Promise<Reading> {
  const { spec, errors, hash } = options;
  const opened = await openRows(batches, spec, options.read, options.timeZone);
  let rowsRead = 0;
  const convert = rowConverter(spec, opened.header, errors, hash, noStableId(opened.info));
  return {
    info: opened.info,
    header: opened.header,
    ignored: opened.ignored,
    chunks: copyChunks(
      opened.first,
      opened.rest,
      convert,
      (sourceRows) => {
        rowsRead += sourceRows;
        options.onProgress(rowsRead, bytesRead());
      },
      options.chunkChars,
    ),
    close: async () => {},
  };
}
