import { queryOptions, useQuery } from '@tanstack/react-query';
import { incrementalityContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type IncrementalityQuery = QueryOf<typeof incrementalityContract.get>;

export const incrementalityQueryOptions = (ws: string, query: IncrementalityQuery) =>
  queryOptions({
    queryKey: ['incrementality', ws, query],
    queryFn: ({ signal }) => apiCall(incrementalityContract.get, { params: { ws }, query, signal }),
  });

export function useIncrementality(ws: string, query: IncrementalityQuery) {
  return useQuery(incrementalityQueryOptions(ws, query));
}
