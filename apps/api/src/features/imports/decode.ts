import iconv from 'iconv-lite';
import { ImportFileError } from './import-errors.js';

/**
 * Bytes → text, detecting the encoding on the first 64 KB: a UTF-8 BOM or valid UTF-8 is read
 * as UTF-8, anything else as GB18030 (what Excel in China writes). A file that turns out not to
 * be UTF-8 after the sample (two encodings in one file) stops with `mixed_encoding`; binary data
 * stops with `not_text`.
 */
export type TextEncoding = 'utf-8' | 'gb18030';

const SAMPLE_BYTES = 64 * 1024;

export interface DecodedText {
  encoding: TextEncoding;
  chunks: AsyncGenerator<string>;
}

export async function decodeText(bytes: AsyncIterable<Buffer>): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const sample = Buffer.concat(head);
  const encoding = detectEncoding(sample, ended);
  return { encoding, chunks: decodeAll(encoding, sample, iterator) };
}

export function detectEncoding(sample: Buffer, complete: boolean): TextEncoding {
  if (
    sample.length >= 2 &&
    (sample.readUInt16BE(0) === 0xfffe || sample.readUInt16BE(0) === 0xfeff)
  ) {
    throw new ImportFileError(
      'unsupported_encoding',
      'the file is UTF-16; save it as "CSV UTF-8" or as .xlsx',
    );
  }
  if (sample.includes(0)) throw notText();
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  const check = checkUtf8(sample, complete);
  if (check.valid) {
    assertText(sample.toString('utf8'));
    return 'utf-8';
  }
  if (check.wideBefore) throw mixed(lineAt(sample, check.errorAt));
  const text = iconv.decode(sample, 'gb18030');
  assertText(text);
  return 'gb18030';
}

async function* decodeAll(
  encoding: TextEncoding,
  sample: Buffer,
  rest: AsyncIterator<Buffer>,
): AsyncGenerator<string> {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    yield decoder.write(sample);
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      yield decoder.write(next.value);
    }
    const tail = decoder.end();
    if (tail) yield tail;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  const decode = (chunk: Buffer, stream: boolean): string => {
    try {
      const text = decoder.decode(chunk, { stream });
      lines += countLines(text);
      return text;
    } catch {
      const at = checkUtf8(chunk, !stream).errorAt;
      throw mixed(lines + lineAt(chunk, Math.max(0, at)));
    }
  };
  yield decode(sample, true);
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    yield decode(next.value, true);
  }
  const tail = decode(Buffer.alloc(0), false);
  if (tail) yield tail;
}

/**
 * Validates UTF-8. `errorAt` is the first bad byte; `wideBefore` tells whether a valid 3- or
 * 4-byte sequence (CJK text) came before it, i.e. the file mixes UTF-8 with another encoding.
 * An incomplete sequence at the very end is fine unless the buffer is the whole file.
 */
export function checkUtf8(
  bytes: Buffer,
  complete: boolean,
): { valid: boolean; errorAt: number; wideBefore: boolean } {
  let wide = false;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return { valid: false, errorAt: i, wideBefore: wide };
    if (i + need >= n) {
      // Truncated at the end of the buffer.
      if (!complete) {
        for (let k = i + 1; k < n; k++) {
          if ((bytes[k]! & 0xc0) !== 0x80) return { valid: false, errorAt: i, wideBefore: wide };
        }
        return { valid: true, errorAt: -1, wideBefore: wide };
      }
      return { valid: false, errorAt: i, wideBefore: wide };
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return { valid: false, errorAt: i, wideBefore: wide };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return { valid: false, errorAt: i, wideBefore: wide };
    }
    if (need >= 2) wide = true;
    i += need + 1;
  }
  return { valid: true, errorAt: -1, wideBefore: wide };
}

function assertText(text: string): void {
  let control = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) control++;
    else if (c === 0xfffd) replaced++;
  }
  if (control > 0 || replaced > Math.max(2, text.length / 1000)) throw notText();
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const notText = () =>
  new ImportFileError('not_text', 'the file is neither CSV text nor an .xlsx workbook');

const mixed = (line: number) =>
  new ImportFileError(
    'mixed_encoding',
    `line ${line} is not valid UTF-8 while earlier lines are: the file mixes encodings; ` +
      'save it again as "CSV UTF-8" or as .xlsx',
    { line, column: null },
  );
