import { queryOptions, useQuery } from '@tanstack/react-query';
import { cohortsContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type CohortsQuery = QueryOf<typeof cohortsContract.get>;

export const cohortsQueryOptions = (ws: string, query: CohortsQuery) =>
  queryOptions({
    queryKey: ['cohorts', ws, query],
    queryFn: ({ signal }) => apiCall(cohortsContract.get, { params: { ws }, query, signal }),
  });

export function useCohorts(ws: string, query: CohortsQuery) {
  return useQuery(cohortsQueryOptions(ws, query));
}
