import { once } from 'node:events';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Writes any table view to CSV or XLSX, streaming. CSV is UTF-8 with a BOM and CRLF line ends so
 * Excel opens Chinese text correctly. Both neutralise formula injection: a text cell that starts
 * with = + - @ or a tab/CR gets a leading apostrophe, so a spreadsheet shows it as text instead
 * of running it (numbers are written as numbers and stay untouched).
 */
export type Cell = string | number | boolean | Date | null | undefined;

export interface ExportColumn<R> {
  label: string;
  value: (row: R) => Cell;
}

export interface TableView<R> {
  columns: readonly ExportColumn<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
}

const DANGEROUS = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'string') return neutralise(cell);
  return String(cell);
}

function csvField(cell: Cell): string {
  const text = cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A writer that honours backpressure. */
function sink(out: Writable): (chunk: string | Buffer) => Promise<void> {
  return async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
}

export async function writeCsv<R>(out: Writable, view: TableView<R>): Promise<void> {
  const write = sink(out);
  let buffer = '\ufeff' + view.columns.map((c) => csvField(c.label)).join(',') + '\r\n';
  for await (const row of view.rows) {
    buffer += view.columns.map((c) => csvField(c.value(row))).join(',') + '\r\n';
    if (buffer.length > 65_536) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
}

export async function csvText<R>(view: TableView<R>): Promise<string> {
  const parts: string[] = [];
  const out = {
    write: (chunk: string) => {
      parts.push(chunk);
      return true;
    },
  } as unknown as Writable;
  await writeCsv(out, view);
  return parts.join('');
}

// ------------------------------------------------------------------------------------ XLSX

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const workbook = (sheetName: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

function xmlEscape(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot carry.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function xlsxCell(cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '<c/>';
  if (typeof cell === 'number' && Number.isFinite(cell)) return `<c><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c t="inlineStr"><is><t xml:space="preserve">${xmlEscape(cellText(cell))}</t></is></c>`;
}

export async function writeXlsx<R>(
  out: Writable,
  view: TableView<R>,
  sheetName = 'Sheet1',
): Promise<void> {
  const zip = new ZipWriter(sink(out));
  await zip.add('[Content_Types].xml', [CONTENT_TYPES]);
  await zip.add('_rels/.rels', [ROOT_RELS]);
  await zip.add('xl/workbook.xml', [workbook(sheetName)]);
  await zip.add('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]);
  async function* sheet(): AsyncGenerator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield `<row>${view.columns.map((c) => xlsxCell(c.label)).join('')}</row>`;
    let buffer = '';
    for await (const row of view.rows) {
      buffer += `<row>${view.columns.map((c) => xlsxCell(c.value(row))).join('')}</row>`;
      if (buffer.length > 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    yield buffer + '</sheetData></worksheet>';
  }
  await zip.add('xl/worksheets/sheet1.xml', sheet());
  await zip.finish();
}

/** A minimal streaming zip writer (deflate, data descriptors, UTF-8 names; no zip64). */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  constructor(private readonly write: (chunk: Buffer) => Promise<void>) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    await this.write(chunk);
  }

  async add(name: string, content: Iterable<string> | AsyncIterable<string>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 name
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(0x21, 12); // 1980-01-01
    header.writeUInt16LE(nameBytes.length, 26);
    await this.emit(Buffer.concat([header, nameBytes]));

    const deflate = zlib.createDeflateRaw({ level: 6 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const pump = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        compressed += chunk.length;
        await this.emit(chunk);
      }
    })();
    for await (const text of content) {
      const bytes = Buffer.from(text, 'utf8');
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
    deflate.end();
    await pump;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.emit(descriptor);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0808, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(start, 42);
    this.central.push(entry, nameBytes);
    this.count++;
  }

  async finish(): Promise<void> {
    const directory = Buffer.concat(this.central);
    const start = this.offset;
    await this.emit(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
  }
}
