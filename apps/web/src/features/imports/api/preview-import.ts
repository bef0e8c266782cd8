/**
 * POST …/imports/preview: the server reads the start of the file as the import will (title rows,
 * platform preset, saved mapping, cleaned cells) and answers its kind, preset, column mapping and
 * first rows as they will land. A CSV is sent only up to a line end within its first 512 KB; an
 * XLSX (a zip) is sent whole.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  importPresetsContract,
  XLSX_TYPE,
  type BodyOf,
  type ImportKindName,
  type importPreview,
} from '@yugang/contract';
import type { z } from 'zod';
import { apiCall, apiUrl } from '../../../lib/api-client';
import { UploadError } from './upload-import';

export type ImportPreview = z.output<typeof importPreview>;

export interface ReadChoice {
  kind?: ImportKindName | undefined;
  /** A platform preset name, 'none' for our own columns, or undefined to detect. */
  preset?: string | undefined;
  mapping?: string | undefined;
  /** An unsaved mapping to try: file header → field ('' ignores the column). */
  columns?: Record<string, string> | undefined;
}

const PREVIEW_BYTES = 512 * 1024;

async function previewBody(file: File): Promise<Blob> {
  if (file.size <= PREVIEW_BYTES || /\.xlsx$/i.test(file.name)) return file;
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b) return file;
  const end = head.lastIndexOf(0x0a);
  return file.slice(0, end === -1 ? PREVIEW_BYTES : end + 1);
}

export async function previewImport(
  ws: string,
  file: File,
  choice: ReadChoice,
): Promise<ImportPreview> {
  const url = apiUrl(importPresetsContract.preview, {
    params: { ws },
    query: {
      kind: choice.kind,
      preset: choice.mapping ? undefined : choice.preset,
      mapping: choice.mapping,
      columns: choice.columns ? JSON.stringify(choice.columns) : undefined,
      rows: 8,
    },
  });
  const body = await previewBody(file);
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv' },
    body,
  });
  const answer = (await response.json().catch(() => null)) as
    { preview: ImportPreview } | { error?: { code?: string; message?: string } } | null;
  if (!response.ok || !answer || !('preview' in answer)) {
    const error = answer && 'error' in answer ? answer.error : undefined;
    throw new UploadError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? response.statusText,
      null,
    );
  }
  return answer.preview;
}

export function useImportPresets(ws: string) {
  return useQuery({
    queryKey: ['import-presets', ws],
    queryFn: ({ signal }) => apiCall(importPresetsContract.presets, { params: { ws }, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useImportMappings(ws: string) {
  return useQuery({
    queryKey: ['import-mappings', ws],
    queryFn: ({ signal }) => apiCall(importPresetsContract.mappings, { params: { ws }, signal }),
  });
}

export function useSaveMapping(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof importPresetsContract.saveMapping>) =>
      apiCall(importPresetsContract.saveMapping, { params: { ws }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['import-mappings', ws] }),
  });
}
