import { csvText } from '../../db/csv-line.js';
import { CopyText, type Engine, type Transaction } from '../../db/database.js';
import type { SourceRow } from './csv.js';
import type { HeaderMap } from './header-map.js';
import type { ErrorCollector } from './import-errors.js';
import { FIELD_PARSERS, type FieldType, type KindSpec } from './kinds/index.js';
import { ValueError, type Instant } from './values.js';

/**
 * The reading phase's per-row work: each source row is checked and converted cell by cell and,
 * when good, written straight away as one line of COPY text for the stage (`line`, then each
 * field's stage columns, as `stageColumns` declares them). One string per row, handed to COPY as
 * UTF-8 in chunks of about 16 K characters: no value array per row, no async step per row.
 */

/** COPY text handed on at a time, in characters. */
const CHUNK_CHARS = 16 * 1024;

/** COPY piece size on PGlite, which buffers each COPY whole; pg streams one COPY. */
export const PGLITE_COPY_ROWS = 50_000;

/** How a parsed value is written: text that may need quoting, text or numbers that never do, … */
const QUOTED = 0;
const PLAIN = 1;
const BOOL = 2;
const INSTANT = 3;

const WRITERS: Record<FieldType, number> = {
  id: QUOTED,
  phone: QUOTED,
  text: QUOTED,
  // Enum words, dates and numbers: never a quote, comma or line break, never empty.
  status: PLAIN,
  domain: PLAIN,
  category: PLAIN,
  date: PLAIN,
  month: PLAIN,
  money: PLAIN,
  money_nonneg: PLAIN,
  count: PLAIN,
  rate: PLAIN,
  bool: BOOL,
  instant: INSTANT,
};

/** Whether String.prototype.trim() would remove this character (ASCII controls too, to be safe). */
function isSpace(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Builds the per-row function: cells → the row's COPY line (ending in a newline), or null after
 * recording each of its problems (line, column as the file names it, reason).
 */
export function rowConverter(
  spec: KindSpec,
  header: HeaderMap,
  errors: ErrorCollector,
  /** Id cells as stored: a mainland mobile becomes its keyed hash (identity.ts). */
  hashId: (text: string) => string = (text) => text,
  /** Called for a row that names nobody (no value in any of the kind's identity fields). */
  onNoStableId: () => void = () => {},
): (row: SourceRow) => string | null {
  const fields = spec.fields;
  const n = fields.length;
  const indexes = header.indexes;
  const labels = header.labels;
  const parsers = fields.map((f) => FIELD_PARSERS[f.type]);
  const writers = fields.map((f) => WRITERS[f.type]);
  const ids = fields.map((f) => f.type === 'id' || f.type === 'phone');
  const identity = fields.flatMap((f, i) => (spec.identity?.includes(f.name) ? [i] : []));
  const required = fields.map((f) => f.required);
  const names = new Map(fields.map((f, i) => [f.name, i]));
  // One array for every row: each value is set before it is read, and read before the next row.
  const values: unknown[] = new Array<unknown>(n).fill(null);
  const get = (name: string) => values[names.get(name) ?? -1] ?? null;
  const rowCheck = spec.rowCheck;
  return (row) => {
    const cells = row.cells;
    let bad = false;
    for (let i = 0; i < n; i++) {
      const at = indexes[i]!;
      let text = at < 0 ? '' : (cells[at] ?? '');
      const length = text.length;
      // trim() only when an end is whitespace as trim() sees it.
      if (length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(length - 1)))) {
        text = text.trim();
      }
      if (text === '') {
        values[i] = null;
        if (required[i]) {
          errors.add({ line: row.line, column: labels[i]!, reason: 'is empty' });
          bad = true;
        }
        continue;
      }
      try {
        values[i] = parsers[i]!(ids[i] ? hashId(text) : text);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        errors.add({ line: row.line, column: labels[i]!, reason: error.message });
        values[i] = null;
        bad = true;
      }
    }
    if (!bad && identity.length > 0 && identity.every((i) => values[i] === null)) {
      // Left out and counted, not an error: an export row without a buyer id or full phone.
      onNoStableId();
      return null;
    }
    if (!bad && rowCheck) {
      const problem = rowCheck(get);
      if (problem) {
        const i = names.get(problem.field) ?? 0;
        errors.add({ line: row.line, column: labels[i]!, reason: problem.reason });
        bad = true;
      }
    }
    if (bad) {
      errors.rows++;
      return null;
    }
    let line = String(row.line);
    for (let i = 0; i < n; i++) {
      const value = values[i];
      switch (writers[i]) {
        case QUOTED:
          line += value === null ? ',' : `,${csvText(value as string)}`;
          break;
        case PLAIN:
          line += value === null ? ',' : `,${value as string | number}`;
          break;
        case BOOL:
          line += value === null ? ',' : value ? ',t' : ',f';
          break;
        default: {
          const instant = value as Instant | null;
          if (instant === null) line += ',,';
          else if (instant.local !== null) line += `,${instant.local},`;
          else line += `,,${instant.absolute}`;
        }
      }
    }
    return line + '\n';
  };
}

/** A piece of COPY text for the stage and how many rows it holds. */
export interface CopyChunk {
  bytes: Buffer;
  rows: number;
}

/**
 * Converts the rows of `first` and every later batch into COPY text, handed on about every
 * `chunkChars` characters. `afterBatch` runs after each source batch is converted (progress,
 * cancellation: it may throw).
 */
export async function* copyChunks(
  first: readonly SourceRow[],
  rest: AsyncIterator<SourceRow[]>,
  convert: (row: SourceRow) => string | null,
  afterBatch: (sourceRows: number) => void,
  chunkChars = CHUNK_CHARS,
): AsyncGenerator<CopyChunk> {
  let batch = first;
  let text = '';
  let rows = 0;
  while (true) {
    for (let i = 0; i < batch.length; i++) {
      // Good rows are staged even after a bad one, so the checks across rows report everything.
      const line = convert(batch[i]!);
      if (line !== null) {
        text += line;
        rows++;
      }
    }
    afterBatch(batch.length);
    // As bytes every 16 K characters or so: until flattened the text is a tree of small
    // strings, which would be kept (and promoted to the old generation) while it waits in the
    // COPY stream.
    if (text.length >= chunkChars) {
      yield { bytes: Buffer.from(text, 'utf8'), rows };
      text = '';
      rows = 0;
    }
    const next = await rest.next();
    if (next.done) break;
    batch = next.value;
  }
  if (rows > 0) yield { bytes: Buffer.from(text, 'utf8'), rows };
}

/**
 * COPYs the chunks into `table`: one COPY on Postgres, pieces of about PGLITE_COPY_ROWS rows on
 * PGlite. Returns the number of rows staged.
 */
export async function copyRows(
  tx: Transaction,
  engine: Engine,
  table: string,
  columns: readonly string[],
  all: AsyncGenerator<CopyChunk>,
): Promise<number> {
  if (engine !== 'pglite') {
    return tx.copyFrom(table, columns, new CopyText(texts(all, Infinity, () => {})));
  }
  // PGlite buffers each COPY whole: feed it in pieces.
  let staged = 0;
  for (let more = true; more;) {
    staged += await tx.copyFrom(
      table,
      columns,
      new CopyText(texts(all, PGLITE_COPY_ROWS, () => (more = false))),
    );
  }
  return staged;
}

/** The bytes of a shared chunk generator until about `limit` rows; calls `ended` when it runs out. */
async function* texts(
  source: AsyncGenerator<CopyChunk>,
  limit: number,
  ended: () => void,
): AsyncGenerator<Buffer> {
  let rows = 0;
  while (rows < limit) {
    const next = await source.next();
    if (next.done) {
      ended();
      return;
    }
    rows += next.value.rows;
    yield next.value.bytes;
  }
}
