import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvParser, sniffDelimiter, type SourceRow } from './csv.js';
import { decodeText } from './decode.js';
import { ImportFileError } from './import-errors.js';
import type { ImportLimits } from './limits.js';
import { readXlsxBatches } from './xlsx.js';

export type { SourceRow } from './csv.js';

/** Where rows come from, and how far through its bytes the reader is. */
export interface RowSource {
  format: 'csv' | 'xlsx' | 'json';
  /** Rows in batches (one per chunk read): the header row first, then data rows. */
  batches: AsyncIterable<SourceRow[]>;
  totalBytes: number;
  bytesRead(): number;
  /** Set for text files once the first chunk is read. */
  encoding?: string | undefined;
  /** The file on disk, when there is one (a big one is read in a worker: reading-thread.ts). */
  path?: string;
}

/** Text parsed per batch of CSV rows (about 250 rows of a typical export). */
const BATCH_CHARS = 16 * 1024;

/** A CSV (UTF-8 or GB18030) or XLSX file, told apart by its first bytes, not its name. */
export async function fileSource(path: string, limits: ImportLimits): Promise<RowSource> {
  const { size } = await stat(path);
  const magic = Buffer.alloc(8);
  const handle = await open(path, 'r');
  try {
    await handle.read(magic, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (magic.readUInt32BE(0) === 0x504b0304) {
    let fraction = 0;
    return {
      format: 'xlsx',
      batches: readXlsxBatches(path, limits, (f) => (fraction = f)),
      totalBytes: size,
      path,
      bytesRead: () => Math.round(size * Math.min(1, fraction)),
    };
  }
  if (magic.readUInt32BE(0) === 0xd0cf11e0) {
    // Raised when read, so the import is recorded like any other rejected file.
    return {
      format: 'xlsx',
      // eslint-disable-next-line require-yield
      batches: (async function* (): AsyncGenerator<SourceRow[]> {
        throw new ImportFileError(
          'unsupported_format',
          'this is an old .xls workbook; save it as .xlsx or CSV',
        );
      })(),
      totalBytes: size,
      bytesRead: () => 0,
    };
  }
  let read = 0;
  const source: RowSource = {
    format: 'csv',
    batches: csvRows(),
    totalBytes: size,
    path,
    bytesRead: () => read,
  };
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  async function* csvRows(): AsyncGenerator<SourceRow[]> {
    const decoded = await decodeText(counted());
    source.encoding = decoded.encoding;
    let parser: CsvParser | undefined;
    let out: SourceRow[] = [];
    for await (const text of decoded.chunks) {
      parser ??= new CsvParser(sniffDelimiter(text), limits.maxLineChars, limits.maxColumns);
      // Small batches: a batch's rows live until they are converted, and rows that outlive a
      // young-generation collection are copied and promoted (GC was a third of the reading).
      for (let at = 0; at < text.length; at += BATCH_CHARS) {
        parser.push(
          at === 0 && text.length <= BATCH_CHARS ? text : text.slice(at, at + BATCH_CHARS),
          out,
        );
        if (out.length > 0) {
          yield out;
          out = [];
        }
      }
    }
    parser?.finish(out);
    if (out.length > 0) yield out;
  }
  return source;
}

/** Groups single rows into batches of up to 1,000. */
export async function* batched(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export const emptyFile = () =>
  new ImportFileError('empty_file', 'the file is empty: it needs a header row and data rows');
