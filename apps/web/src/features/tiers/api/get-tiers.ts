import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiersContract, type QueryOf } from '@yugang/contract';
import { apiCall, apiUrl } from '../../../lib/api-client';

export type TiersQuery = QueryOf<typeof tiersContract.get>;
export type TierExportQuery = QueryOf<typeof tiersContract.exportCsv>;

export const tiersQueryOptions = (ws: string, query: TiersQuery) =>
  queryOptions({
    queryKey: ['tiers', ws, query],
    queryFn: ({ signal }) => apiCall(tiersContract.get, { params: { ws }, query, signal }),
  });

export function useTiers(ws: string, query: TiersQuery) {
  return useQuery(tiersQueryOptions(ws, query));
}

/** The download link of a segment export. */
export function tierExportUrl(ws: string, format: 'csv' | 'xlsx', query: TierExportQuery): string {
  return apiUrl(format === 'csv' ? tiersContract.exportCsv : tiersContract.exportXlsx, {
    params: { ws },
    query,
  });
}
