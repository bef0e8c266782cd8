/**
 * Sends a file to POST …/imports/:kind as the raw body (XMLHttpRequest, for upload progress):
 * a dry run waits for the verdict; a real import answers 202 with its id at once and the page
 * polls GET …/imports/:id. A rejected file (422) or unreadable one (400, 413) becomes an
 * UploadError carrying the API's code and, for row problems, the import record with its errors.
 */
import { XLSX_TYPE, type ImportKindName, type importResult } from '@yugang/contract';
import type { z } from 'zod';
import { API_BASE, fillPath, queryString } from '../../../lib/api-client';

export type ImportResult = z.output<typeof importResult>;

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly result: ImportResult | null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadOptions {
  ws: string;
  kind: ImportKindName;
  file: File;
  dryRun: boolean;
  /** A platform preset (or 'none'), or a saved mapping; left out the server detects the preset. */
  preset?: string | undefined;
  mapping?: string | undefined;
  onProgress?: (sent: number, total: number) => void;
}

export type UploadAnswer =
  { kind: 'finished'; result: ImportResult } | { kind: 'started'; id: number };

function contentType(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (/\.(csv|txt|tsv)$/i.test(file.name)) return 'text/csv';
  return file.type || 'application/octet-stream';
}

export function uploadImport(options: UploadOptions): Promise<UploadAnswer> {
  const { ws, kind, file, dryRun } = options;
  const query = {
    dryRun: dryRun ? 'true' : undefined,
    wait: dryRun ? undefined : 'false',
    fileName: file.name,
    preset: options.mapping ? undefined : options.preset,
    mapping: options.mapping,
  };
  const url = `${API_BASE}${fillPath('/workspaces/:ws/imports/:kind', { ws, kind })}${queryString(query)}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType(file));
    xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.total || file.size);
    xhr.onerror = () => reject(new UploadError(0, 'network_error', 'network error', null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below by status
      }
      if (xhr.status === 202) {
        resolve({ kind: 'started', id: (body as { import: { id: number } }).import.id });
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ kind: 'finished', result: (body as { import: ImportResult }).import });
        return;
      }
      const error = (
        body as {
          error?: { code?: string; message?: string; details?: { import?: ImportResult } };
        } | null
      )?.error;
      reject(
        new UploadError(
          xhr.status,
          error?.code ?? 'http_error',
          error?.message ?? xhr.statusText,
          error?.details?.import ?? null,
        ),
      );
    };
    xhr.send(file);
  });
}
