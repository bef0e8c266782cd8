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
    const d = this.delimiter;
    const n = text.length;
    let start = 0; // start of the not yet copied part of the current field
    let recordStart = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          if (this.state === QUOTED) continue;
          start = i + 1;
          recordStart = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case FIELD_START:
          if (c === QUOTE) {
            this.state = QUOTED;
            start = i + 1;
            break;
          }
          this.state = UNQUOTED;
          start = i;
        // falls through
        case UNQUOTED:
          if (c === d) {
            this.cells.push(this.field + text.slice(start, i));
            this.field = '';
            this.state = FIELD_START;
            if (this.cells.length > this.maxColumns) this.tooManyColumns();
          } else if (c === LF || c === CR) {
            this.cells.push(this.field + text.slice(start, i));
            this.field = '';
            this.recordChars += i - recordStart;
            this.endRecord(out);
            this.newline(c);
            recordStart = i + 1;
          } else if (c === QUOTE) {
            throw new ImportFileError(
              'invalid_csv',
              `line ${this.line}: a quote (") inside an unquoted field; quote the whole field`,
              { line: this.line, column: null },
            );
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            this.state = QUOTE_IN_QUOTED;
          } else if (c === LF || c === CR) {
            this.newline(c);
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.state = QUOTED;
            start = i; // keep one quote
          } else if (c === d) {
            this.cells.push(this.field);
            this.field = '';
            this.state = FIELD_START;
            if (this.cells.length > this.maxColumns) this.tooManyColumns();
          } else if (c === LF || c === CR) {
            this.cells.push(this.field);
            this.field = '';
            this.recordChars += i - recordStart;
            this.endRecord(out);
            this.newline(c);
            recordStart = i + 1;
          } else {
            throw new ImportFileError(
              'invalid_csv',
              `line ${this.line}: text after a closing quote; double quotes inside a quoted field ("")`,
              { line: this.line, column: null },
            );
          }
          break;
      }
    }
    if (this.state === UNQUOTED || this.state === QUOTED) this.field += text.slice(start);
    this.recordChars += n - recordStart;
    if (this.recordChars > this.maxRecordChars) this.tooLong();
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
      this.endRecord(out);
    }
  }

  private newline(c: number): void {
    this.line++;
    if (c === CR) this.skipLf = true;
  }

  private endRecord(out: SourceRow[]): void {
    if (this.recordChars > this.maxRecordChars) this.tooLong();
    const cells = this.cells;
    if (!(cells.length === 1 && cells[0]!.trim() === '')) {
      out.push({ line: this.recordLine, cells });
    }
    this.cells = [];
    this.state = FIELD_START;
    this.recordChars = 0;
    this.recordLine = this.line + 1;
  }

  private tooLong(): never {
    throw new ImportFileError(
      'line_too_long',
      `line ${this.recordLine} is longer than ${Math.round(this.maxRecordChars / 1024)} KB ` +
        '(is this really a CSV file, with line breaks?)',
      { line: this.recordLine, column: null },
    );
  }

  private tooManyColumns(): never {
    throw new ImportFileError(
      'too_many_columns',
      `line ${this.recordLine} has more than ${this.maxColumns} columns`,
      { line: this.recordLine, column: null },
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
