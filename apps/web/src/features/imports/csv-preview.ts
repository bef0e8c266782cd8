/**
 * The first rows of a CSV file, read in the browser before anything is sent: decoded as UTF-8
 * (with or without BOM) or, failing that, GB18030 as Excel in China saves it; the delimiter is
 * the one the header line uses most. XLSX files are previewed by the dry run instead.
 */

export interface CsvPreview {
  header: string[];
  rows: string[][];
  encoding: 'utf-8' | 'gb18030';
}

/** Bytes up to the last line break (never inside a UTF-8 or GB18030 character). */
function wholeLines(bytes: Uint8Array): Uint8Array {
  const end = bytes.lastIndexOf(0x0a);
  return end === -1 ? bytes : bytes.subarray(0, end + 1);
}

export function decodeCsv(
  bytes: Uint8Array,
  complete: boolean,
): { text: string; encoding: CsvPreview['encoding'] } {
  const part = complete ? bytes : wholeLines(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(part), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(part), encoding: 'gb18030' };
  }
}

function sniffDelimiter(line: string): string {
  const counts = [',', '\t', ';', '|'].map((d) => [d, line.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

/** RFC 4180 records of `text` (quotes, "" escapes, CRLF), at most `limit` of them. */
export function parseCsv(text: string, limit: number, delimiter?: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const d = delimiter ?? sniffDelimiter(body.slice(0, body.search(/\r?\n|$/)));
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (record.some((cell) => cell !== '')) records.push(record);
    record = [];
  };
  while (i < body.length && records.length < limit) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === d) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      endRecord();
    } else field += c;
    i += 1;
  }
  if (records.length < limit && (field !== '' || record.length > 0)) endRecord();
  return records;
}

/** Header and up to `rows` data rows of the start of a CSV file. */
export function previewCsv(bytes: Uint8Array, complete: boolean, rows = 5): CsvPreview {
  const { text, encoding } = decodeCsv(bytes, complete);
  const [header = [], ...data] = parseCsv(text, rows + 1);
  return { header: header.map((h) => h.trim()), rows: data, encoding };
}
