/**
 * The worker thread that reads one import file (reading-thread.ts starts it): parses the CSV or
 * XLSX, checks and converts every row and posts the COPY text back in chunks, at most a few
 * ahead of what the import has consumed. Everything CPU-heavy of the reading phase runs here.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ErrorCollector, ImportFileError } from './import-errors.js';
import { idHasher } from './identity.js';
import { KIND_SPECS } from './kinds/index.js';
import { readHere } from './reading.js';
import type { ReaderInput, ReaderMessage } from './reading-thread.js';
import { fileSource } from './source.js';

// Below the server's thread and the database: on a busy machine the dashboard's requests get the
// cores first and the import reads in what is left. On Linux a nice value belongs to one thread
// (pid 0 is this one; elsewhere it would be the whole server, so only there); where the system
// refuses, the thread keeps the normal priority.
if (process.platform === 'linux') {
  try {
    setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // keeps the normal priority
  }
}

const input = workerData as ReaderInput;
const port = parentPort!;
let credits = input.window;
let wake: (() => void) | null = null;
port.on('message', (message: 'more') => {
  if (message !== 'more') return;
  credits++;
  wake?.();
  wake = null;
});
const post = (message: ReaderMessage) => port.postMessage(message);

async function main(): Promise<void> {
  const spec = KIND_SPECS[input.kind];
  const errors = new ErrorCollector();
  const source = await fileSource(input.path, input.limits);
  let rowsRead = 0;
  let bytesRead = 0;
  const reading = await readHere(source.batches, () => source.bytesRead(), {
    spec,
    read: input.read,
    timeZone: input.timeZone,
    errors,
    hash: idHasher(Buffer.from(input.key, 'hex')),
    onProgress: (rows, bytes) => {
      rowsRead = rows;
      bytesRead = bytes;
    },
    chunkChars: 64 * 1024,
  });
  post({
    type: 'header',
    info: { ...reading.info, preset: reading.info.preset?.name ?? null },
    header: reading.header,
    ignored: reading.ignored,
  });
  for await (const chunk of reading.chunks) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ type: 'chunk', bytes: chunk.bytes, rows: chunk.rows, rowsRead, bytesRead });
  }
  post({
    type: 'end',
    rowsRead,
    bytesRead: source.bytesRead(),
    encoding: source.encoding ?? null,
    skipped: [...reading.info.skipped],
    sourceRows: reading.info.sourceRows,
    errors: { kept: errors.kept, total: errors.total, rows: errors.rows },
  });
}

main().catch((error: unknown) => {
  if (error instanceof ImportFileError) {
    post({ type: 'file_error', code: error.code, message: error.message, at: error.at });
  } else {
    post({
      type: 'crash',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
