import { useQuery } from '@tanstack/react-query';
import { importsContract, importTemplatesContract } from '@yugang/contract';
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

export function errorDownloads(ws: string, id: number) {
  return {
    csv: apiUrl(importsContract.errorsCsv, { params: { ws, id } }),
    xlsx: apiUrl(importsContract.errorsXlsx, { params: { ws, id } }),
  };
}

export function templateDownloads(ws: string, kind: string) {
  return {
    csv: apiUrl(importTemplatesContract.csv, { params: { ws, kind } }),
    xlsx: apiUrl(importTemplatesContract.xlsx, { params: { ws, kind } }),
  };
}
