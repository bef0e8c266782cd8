import { batched, type RowSource, type SourceRow } from './source.js';

export type JsonCell = string | number | boolean | null;

/**
 * JSON objects as rows of cell text for the import pipeline: the header is every key in order
 * of first appearance; a row's line is its 1-based position in the array.
 */
export function jsonSource(rows: readonly Record<string, JsonCell>[]): RowSource {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const text = (value: JsonCell | undefined) =>
    value === null || value === undefined ? '' : String(value);
  async function* all(): AsyncGenerator<SourceRow> {
    yield { line: 0, cells: keys };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      yield { line: i + 1, cells: keys.map((k) => text(row[k])) };
    }
  }
  let read = 0;
  return {
    format: 'json',
    batches: batched(
      (async function* () {
        for await (const row of all()) {
          read = row.line;
          yield row;
        }
      })(),
    ),
    totalBytes: rows.length,
    bytesRead: () => read,
  };
}
