import { ImportFileError } from './import-errors.js';

/** One record of a file: its 1-based line (where the record starts) and its cells. */
export interface SourceRow {
  line: number;
  cells: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * A streaming RFC 4180 parser over text chunks: quoted fields with "" escapes and line breaks,
 * CRLF, LF or CR line ends, empty lines skipped. A record longer than `maxRecordChars` stops with
 * `line_too_long` (so a 10 MB line never sits in memory); a stray quote stops with `invalid_csv`.
 */
export class CsvParser {
  private state = FIELD_START;
  private field = '';
  private cells: string[] = [];
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private skipLf = false;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
    private readonly maxColumns: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses a chunk; complete records are pushed to `out`. */
  push(text: string, out: SourceRow[]): void {
    // The state lives in locals while the chunk is scanned (written back at its end).
    const d = this.delimiter;
    const n = text.length;
    const maxColumns = this.maxColumns;
    const maxRecordChars = this.maxRecordChars;
    let state = this.state;
    let field = this.field;
    let cells = this.cells;
    let line = this.line;
    let recordLine = this.recordLine;
    let recordChars = this.recordChars;
    let skipLf = this.skipLf;
    let start = 0; // start of the not yet copied part of the current field
    let recordStart = 0;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        if (c === LF) {
          if (state === QUOTED) continue;
          start = i + 1;
          recordStart = i + 1;
          continue;
        }
      }
      if (state === FIELD_START) {
        if (c === QUOTE) {
          state = QUOTED;
          start = i + 1;
          continue;
        }
        state = UNQUOTED;
        start = i;
      }
      if (state === UNQUOTED) {
        // The common case: run to the end of the field.
        while (c !== d && c !== LF && c !== CR && c !== QUOTE) {
          if (++i === n) break;
          c = text.charCodeAt(i);
        }
        if (i === n) break;
        if (c === QUOTE) {
          throw new ImportFileError(
            'invalid_csv',
            `line ${line}: a quote (") inside an unquoted field; quote the whole field`,
            { line, column: null },
          );
        }
        cells.push(field === '' ? text.slice(start, i) : field + text.slice(start, i));
        field = '';
        if (c === d) {
          state = FIELD_START;
          if (cells.length > maxColumns) this.tooManyColumns(recordLine);
          continue;
        }
      } else if (state === QUOTED) {
        if (c === QUOTE) {
          field += text.slice(start, i);
          state = QUOTE_IN_QUOTED;
        } else if (c === LF || c === CR) {
          line++;
          if (c === CR) skipLf = true;
        }
        continue;
      } else {
        // QUOTE_IN_QUOTED
        if (c === QUOTE) {
          state = QUOTED;
          start = i; // keep one quote
          continue;
        }
        if (c === d) {
          cells.push(field);
          field = '';
          state = FIELD_START;
          if (cells.length > maxColumns) this.tooManyColumns(recordLine);
          continue;
        }
        if (c !== LF && c !== CR) {
          throw new ImportFileError(
            'invalid_csv',
            `line ${line}: text after a closing quote; double quotes inside a quoted field ("")`,
            { line, column: null },
          );
        }
        cells.push(field);
        field = '';
      }
      // A line break ends the record.
      recordChars += i - recordStart;
      if (recordChars > maxRecordChars) this.tooLong(recordLine);
      if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: recordLine, cells });
      cells = [];
      state = FIELD_START;
      recordChars = 0;
      line++;
      recordLine = line;
      if (c === CR) skipLf = true;
      recordStart = i + 1;
    }
    if (state === UNQUOTED || state === QUOTED) field += text.slice(start);
    recordChars += n - recordStart;
    this.state = state;
    this.field = field;
    this.cells = cells;
    this.line = line;
    this.recordLine = recordLine;
    this.recordChars = recordChars;
    this.skipLf = skipLf;
    if (recordChars > maxRecordChars) this.tooLong(recordLine);
  }

  /** Ends the input; the last record may lack a line end. */
  finish(out: SourceRow[]): void {
    if (this.state === QUOTED) {
      throw new ImportFileError(
        'invalid_csv',
        `line ${this.recordLine}: a quoted field is never closed`,
        { line: this.recordLine, column: null },
      );
    }
    if (this.state !== FIELD_START || this.cells.length > 0) {
      this.cells.push(this.field);
      this.field = '';
      if (this.recordChars > this.maxRecordChars) this.tooLong(this.recordLine);
      const cells = this.cells;
      if (!(cells.length === 1 && cells[0]!.trim() === '')) {
        out.push({ line: this.recordLine, cells });
      }
      this.cells = [];
      this.state = FIELD_START;
      this.recordChars = 0;
      this.recordLine = this.line + 1;
    }
  }

  private tooLong(recordLine: number): never {
    throw new ImportFileError(
      'line_too_long',
      `line ${recordLine} is longer than ${Math.round(this.maxRecordChars / 1024)} KB ` +
        '(is this really a CSV file, with line breaks?)',
      { line: recordLine, column: null },
    );
  }

  private tooManyColumns(recordLine: number): never {
    throw new ImportFileError(
      'too_many_columns',
      `line ${recordLine} has more than ${this.maxColumns} columns`,
      { line: recordLine, column: null },
    );
  }
}

/** Comma unless the header line clearly uses tabs or semicolons. */
export function sniffDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (ch: string) => first.split(ch).length - 1;
  const commas = count(',');
  const tabs = count('\t');
  const semicolons = count(';');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas && semicolons > tabs) return ';';
  return ',';
}
