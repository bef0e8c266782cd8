import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../../errors/app-error.js';

/**
 * Receives an upload into a temp file: either the raw request body (text/csv, the XLSX type or
 * application/octet-stream) or the first file of a multipart/form-data form. Enforces the size
 * limit (413 payload_too_large, before reading when Content-Length says so) and an idle timeout
 * (408 upload_timeout when no byte arrives for a while).
 */
export interface Upload {
  path: string;
  fileName: string;
  bytes: number;
  /** Deletes the temp file. */
  dispose(): Promise<void>;
}

export interface UploadLimits {
  maxBytes: number;
  idleMs: number;
}

export const UPLOAD_ROOT = path.join(tmpdir(), 'yugang-uploads');
// One folder per process, so a restart can tell a dead process's leftovers from live uploads.
const UPLOAD_DIR = path.join(UPLOAD_ROOT, String(process.pid));

export async function receiveUpload(
  req: Request,
  limits: UploadLimits,
  fallbackName: string,
): Promise<Upload> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  await mkdir(UPLOAD_DIR, { recursive: true });
  const file = path.join(UPLOAD_DIR, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const dispose = () => rm(file, { force: true });
  try {
    const contentType = req.headers['content-type'] ?? '';
    const received = /^multipart\/form-data/i.test(contentType)
      ? await receiveMultipart(req, file, limits)
      : {
          bytes: await save(req, file, limits),
          fileName: headerFileName(req) ?? fallbackName,
        };
    if (received.bytes === 0) {
      throw new AppError(400, 'empty_file', 'the upload is empty: send the CSV or XLSX file');
    }
    return { path: file, fileName: received.fileName, bytes: received.bytes, dispose };
  } catch (error) {
    // The client may still be sending (or stalled): answer, then close the connection rather
    // than keep reading a body nobody will use.
    if (!req.complete && req.res && !req.res.headersSent) req.res.setHeader('Connection', 'close');
    await dispose();
    throw error;
  }
}

/** Copies a stream to a file, counting bytes against the limit and timing out when idle. */
async function save(source: Readable, file: string, limits: UploadLimits): Promise<number> {
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return done(tooLarge(limits.maxBytes));
      arm();
      done(null, chunk);
    },
  });
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => counter.destroy(timedOut(limits.idleMs)), limits.idleMs);
  };
  arm();
  try {
    await pipeline(source, counter, createWriteStream(file));
  } finally {
    clearTimeout(timer);
  }
  return bytes;
}

async function receiveMultipart(
  req: Request,
  file: string,
  limits: UploadLimits,
): Promise<{ bytes: number; fileName: string }> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: limits.maxBytes + 1, fields: 20, parts: 30 },
    });
  } catch (error) {
    throw new AppError(400, 'invalid_upload', `not a valid multipart form: ${String(error)}`);
  }
  return new Promise((resolve, reject) => {
    let saving: Promise<{ bytes: number; fileName: string }> | undefined;
    let fileStream: Readable | undefined;
    let settled = false;
    // Idle over the whole request, not only inside the file part: a client that stalls before
    // the part starts, or whose part never ends, is stopped too (save() times the part's bytes).
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(timedOut(limits.idleMs)), limits.idleMs);
    };
    const fail = (error: unknown) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      req.off('data', arm);
      req.unpipe(parser);
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      reject(error);
    };
    parser.on('file', (_field, stream, info) => {
      if (saving) {
        stream.resume();
        return;
      }
      fileStream = stream;
      const fileName = path.basename(info.filename || 'upload');
      stream.on('limit', () => stream.destroy(tooLarge(limits.maxBytes)));
      saving = save(stream, file, limits).then((bytes) => ({ bytes, fileName }));
      // A failed part (too large, idle) answers at once: the rest of the body may never come.
      saving.catch(fail);
    });
    parser.on('error', (error: Error) =>
      fail(new AppError(400, 'invalid_upload', `not a valid multipart form: ${error.message}`)),
    );
    parser.on('close', () => {
      clearTimeout(timer);
      req.off('data', arm);
      if (settled) return;
      if (!saving) {
        fail(new AppError(400, 'no_file', 'the form has no file: send it in a file field'));
      } else {
        settled = true;
        saving.then(resolve, reject);
      }
    });
    req.on('error', fail);
    req.on('data', arm);
    arm();
    req.pipe(parser);
  });
}

function headerFileName(req: Request): string | undefined {
  const disposition = req.headers['content-disposition'];
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return path.basename(decodeURIComponent(star[1]));
  const plain = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  if (plain?.[1]) return path.basename(plain[1]);
  const header = req.headers['x-file-name'];
  if (typeof header === 'string' && header) return path.basename(decodeURIComponent(header));
  return undefined;
}

const timedOut = (idleMs: number) =>
  new AppError(
    408,
    'upload_timeout',
    `no data arrived for ${idleMs >= 1000 ? `${Math.round(idleMs / 1000)} s` : `${idleMs} ms`}; ` +
      'the upload was stopped',
  );

const tooLarge = (maxBytes: number) =>
  new AppError(
    413,
    'payload_too_large',
    `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB (YUGANG_MAX_UPLOAD_MB)`,
  );
