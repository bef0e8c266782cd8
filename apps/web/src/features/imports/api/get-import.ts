import { useQuery } from '@tanstack/react-query';
import { importsContract, importTemplatesContract } from '@yugang/contract';
import type { Locale } from '@yugang/metrics';
import { apiCall, apiUrl } from '../../../lib/api-client';

/** One import, polled twice a second while it runs. */
export function useImport(ws: string, id: number | null) {
  return useQuery({
    queryKey: ['imports', ws, 'one', id],
    queryFn: ({ signal }) => apiCall(importsContract.get, { params: { ws, id: id! }, signal }),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.import.status === 'running' ? 500 : false),
  });
}

/** The kept problems of an import as files, their reasons in the reader's language. */
export function errorDownloads(ws: string, id: number, lang: Locale) {
  return {
    csv: apiUrl(importsContract.errorsCsv, { params: { ws, id }, query: { lang } }),
    xlsx: apiUrl(importsContract.errorsXlsx, { params: { ws, id }, query: { lang } }),
  };
}

export function templateDownloads(ws: string, kind: string) {
  return {
    csv: apiUrl(importTemplatesContract.csv, { params: { ws, kind } }),
    xlsx: apiUrl(importTemplatesContract.xlsx, { params: { ws, kind } }),
  };
}
