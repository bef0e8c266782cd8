import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * A kept answer in the form it leaves in: the JSON bytes, the same bytes gzipped and their ETag,
 * made once per data version. A hit then costs a header check and a socket write — no
 * serialisation, no UTF-8 encoding, no hash and no compression per request (Express's `send`
 * would encode and SHA-1 up to ~130 KB for its ETag on every request).
 */
export interface KeptAnswer {
  body: Buffer;
  gzip: Buffer;
  /** Weak: the plain and the gzipped bytes are one representation to a revalidating client. */
  etag: string;
}

export function keptAnswer(json: string): KeptAnswer {
  const body = Buffer.from(json, 'utf8');
  const hash = createHash('sha1').update(body).digest('base64url');
  return { body, gzip: gzipSync(body), etag: `W/"${hash}"` };
}

/** Bytes the kept answer holds (the answer cache's weight). */
export const keptWeight = (kept: KeptAnswer | undefined): number =>
  kept ? kept.body.length + kept.gzip.length : 0;

/** Accept-Encoding names gzip (or `*`) with a non-zero quality. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** If-None-Match lists this ETag (weak comparison, as RFC 9110 asks for GET) or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header
    .split(',')
    .some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === opaque);
}

/**
 * Sends a kept answer: 304 when the client holds it already, else the gzipped bytes when it
 * accepts them. `private, no-cache`: a browser keeps it but asks again every time (with
 * If-None-Match), and no shared cache keeps it — the caller's credentials are checked first on
 * every request, the 304 included.
 */
export function sendKept(req: Request, res: Response, status: number, kept: KeptAnswer): void {
  res.setHeader('ETag', kept.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (status === 200 && matchesEtag(req.headers['if-none-match'], kept.etag)) {
    res.status(304).end();
    return;
  }
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const bytes = gzip ? kept.gzip : kept.body;
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
