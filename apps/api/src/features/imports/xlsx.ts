import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { SourceRow } from './csv.js';
import { ImportFileError } from './import-errors.js';
import type { ImportLimits } from './limits.js';

/**
 * Reads the first worksheet of an .xlsx as rows of cell text, streaming the sheet XML. Before
 * inflating anything it checks the zip's declared sizes (total and ratio: a zip bomb stops with
 * `xlsx_bomb` / `xlsx_too_large`) and counts what it actually inflates. Dates (numbers in a date
 * format) become 'YYYY-MM-DD HH:mm:ss' wall-clock text, read later in the workspace time zone.
 * Rows come in batches: those completed by each inflated chunk of the sheet.
 */
export async function* readXlsxBatches(
  path: string,
  limits: ImportLimits,
  onProgress: (fraction: number) => void,
): AsyncGenerator<SourceRow[]> {
  const zip = await openZip(path);
  try {
    const entries = await listEntries(zip);
    checkSizes(entries, limits);
    const budget = { left: limits.maxXlsxUncompressedBytes };
    const sheetPath = await firstSheetPath(zip, entries, budget);
    const sheet = entries.get(sheetPath);
    if (!sheet) throw invalid(`the workbook has no worksheet ${sheetPath}`);
    const shared = entries.has('xl/sharedStrings.xml')
      ? await readSharedStrings(zip, entries.get('xl/sharedStrings.xml')!, budget, limits)
      : [];
    const dateStyles = entries.has('xl/styles.xml')
      ? await readDateStyles(await readText(zip, entries.get('xl/styles.xml')!, budget))
      : new Set<number>();
    yield* streamSheet(zip, sheet, shared, dateStyles, budget, onProgress);
  } finally {
    zip.close();
  }
}

/** The rows of readXlsxBatches one by one. */
export async function* readXlsxRows(
  path: string,
  limits: ImportLimits,
  onProgress: (fraction: number) => void,
): AsyncGenerator<SourceRow> {
  for await (const batch of readXlsxBatches(path, limits, onProgress)) yield* batch;
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(invalid(err?.message ?? 'cannot open')) : resolve(zip),
    );
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      if (entries.size > 10_000) reject(invalid('too many parts'));
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(invalid(err.message)));
    zip.readEntry();
  });
}

function checkSizes(entries: Map<string, Entry>, limits: ImportLimits): void {
  let total = 0;
  for (const entry of entries.values()) {
    total += entry.uncompressedSize;
    if (
      entry.uncompressedSize > 1024 * 1024 &&
      entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxXlsxRatio
    ) {
      throw new ImportFileError(
        'xlsx_bomb',
        `the workbook part ${entry.fileName} inflates ${Math.round(
          entry.uncompressedSize / Math.max(1, entry.compressedSize),
        )}× (limit ${limits.maxXlsxRatio}×): refusing a possible zip bomb`,
      );
    }
  }
  if (total > limits.maxXlsxUncompressedBytes) throw tooLarge(limits);
}

async function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  if (entry.isEncrypted()) throw invalid('the workbook is password-protected');
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(invalid(err?.message ?? 'unreadable part')) : resolve(stream),
    );
  });
}

/** Inflates one part, counting bytes against the budget (declared sizes can lie). */
async function* inflate(
  zip: ZipFile,
  entry: Entry,
  budget: { left: number },
): AsyncGenerator<Buffer> {
  const stream = await openEntry(zip, entry);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      if (budget.left < 0) {
        throw new ImportFileError('xlsx_too_large', 'the workbook inflates beyond the limit');
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw invalid((error as Error).message);
  } finally {
    stream.destroy();
  }
}

async function readText(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<string> {
  if (entry.uncompressedSize > 32 * 1024 * 1024) throw invalid(`${entry.fileName} is too large`);
  const parts: Buffer[] = [];
  for await (const chunk of inflate(zip, entry, budget)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

async function firstSheetPath(
  zip: ZipFile,
  entries: Map<string, Entry>,
  budget: { left: number },
): Promise<string> {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) {
    if (entries.has(fallback)) return fallback;
    throw invalid('no xl/workbook.xml: not an .xlsx workbook');
  }
  const wb = await readText(zip, workbook, budget);
  const sheet =
    /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(wb) ??
    /<(?:\w+:)?sheet\b[^>]*?\bid="([^"]+)"/.exec(wb);
  if (!sheet) return fallback;
  const relText = await readText(zip, rels, budget);
  for (const m of relText.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    if (attr(attrs, 'Id') !== sheet[1]) continue;
    const target = attr(attrs, 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return fallback;
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  text(text: string): void;
  close(name: string): void;
}

/** A SAX parser fed with byte chunks by its caller (so the caller keeps backpressure). */
function xmlFeeder(handlers: XmlHandlers): { write(chunk: Buffer): void; end(): void } {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => handlers.open(tag as SaxesTagPlain));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  const decoder = new TextDecoder('utf-8');
  const check = () => {
    if (failure) throw invalid(failure.message);
  };
  return {
    write(chunk) {
      parser.write(decoder.decode(chunk, { stream: true }));
      check();
    },
    end() {
      parser.write(decoder.decode());
      parser.close();
      check();
    },
  };
}

async function readSharedStrings(
  zip: ZipFile,
  entry: Entry,
  budget: { left: number },
  limits: ImportLimits,
): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let current = '';
  let inT = false;
  let inPhonetic = 0;
  const feeder = xmlFeeder({
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 't' && inPhonetic === 0) inT = true;
      else if (name === 'rPh') inPhonetic++;
    },
    text(text) {
      if (inT) current += text;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'si') {
        chars += current.length;
        if (chars > limits.maxSharedStringsChars) throw tooLarge(limits);
        strings.push(current);
      }
    },
  });
  for await (const chunk of inflate(zip, entry, budget)) feeder.write(chunk);
  feeder.end();
  return strings;
}

/** Built-in number formats that show a date or time: 14–22, 45–47, and the CJK locales' ones. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
]);

/**
 * Whether a custom format code shows a date or time: its first section (the one for positive
 * numbers) has a y, m, d, h or s outside quoted text, brackets ([Red], [$-804]) and escapes, and
 * no `@` (a text format). `yyyy"年"m"月"d"日";@` is a date; `@`, `0.00"元"` and `#,##0` are not.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  const first = bare.split(';')[0] ?? '';
  return !first.includes('@') && /[ymdhs年月日]/i.test(first);
}

const xmlText = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Indexes of the cell styles (cellXfs) whose number format is a date or time. */
async function readDateStyles(xml: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId'));
    custom.set(id, xmlText(attr(m[1] ?? '', 'formatCode') ?? ''));
  }
  const isDate = (id: number) => {
    const code = custom.get(id);
    // A workbook may redefine a built-in id; its own code wins.
    if (code !== undefined) return isDateFormatCode(code);
    return BUILTIN_DATE_FORMATS.has(id);
  };
  const styles = new Set<number>();
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    if (isDate(Number(attr(m[1] ?? '', 'numFmtId') ?? 0))) styles.add(index);
    index++;
  }
  return styles;
}

async function* streamSheet(
  zip: ZipFile,
  entry: Entry,
  shared: string[],
  dateStyles: Set<number>,
  budget: { left: number },
  onProgress: (fraction: number) => void,
): AsyncGenerator<SourceRow[]> {
  const ready: SourceRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let col = 0;
  let type = 'n';
  let style = 0;
  let value = '';
  let capture = false;
  let inInline = false;
  const feeder = xmlFeeder({
    open(tag) {
      const name = localName(tag.name);
      if (name === 'row') {
        const r = Number(tag.attributes.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = [];
        col = 0;
      } else if (name === 'c') {
        const ref = tag.attributes.r;
        col = ref ? columnIndex(ref) : col;
        type = tag.attributes.t ?? 'n';
        style = Number(tag.attributes.s ?? 0);
        value = '';
      } else if (name === 'v' || (name === 't' && inInline)) {
        capture = true;
      } else if (name === 'is') {
        inInline = true;
      }
    },
    text(text) {
      if (capture) value += text;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'is') inInline = false;
      else if (name === 'c') {
        if (col > 1000) throw invalid('a row has more than 1000 columns');
        while (cells.length < col) cells.push('');
        cells[col] = cellText(type, value, style, shared, dateStyles);
        col++;
      } else if (name === 'row') {
        if (cells.some((c) => c.trim() !== '')) ready.push({ line: rowNumber, cells });
      }
    },
  });
  let inflated = 0;
  for await (const chunk of inflate(zip, entry, budget)) {
    inflated += chunk.length;
    feeder.write(chunk);
    onProgress(entry.uncompressedSize > 0 ? inflated / entry.uncompressedSize : 0);
    if (ready.length > 0) yield ready.splice(0);
  }
  feeder.end();
  if (ready.length > 0) yield ready.splice(0);
}

function cellText(
  type: string,
  value: string,
  style: number,
  shared: string[],
  dateStyles: Set<number>,
): string {
  switch (type) {
    case 's':
      return shared[Number(value)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '1' ? 'true' : 'false';
    case 'd':
      return value.replace('T', ' ').replace(/Z$/, '');
    default: {
      if (value === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      if (dateStyles.has(style)) return serialToText(n);
      // Spreadsheet floats: 12.300000000000001 is 12.3 as Excel shows it (15 digits).
      return String(Number(n.toPrecision(15)));
    }
  }
}

/** Excel's 1900 date system serial → wall-clock text. */
export function serialToText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400) * 1000;
  const iso = new Date(ms).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? date : `${date} ${time}`;
}

function columnIndex(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    index = index * 26 + (c - 64);
  }
  return index - 1;
}

const invalid = (why: string) =>
  new ImportFileError(
    'invalid_xlsx',
    `the .xlsx file cannot be read (${why}); save it again from Excel`,
  );

const tooLarge = (limits: ImportLimits) =>
  new ImportFileError(
    'xlsx_too_large',
    `the workbook inflates beyond ${Math.round(limits.maxXlsxUncompressedBytes / 1024 ** 2)} MB`,
  );
