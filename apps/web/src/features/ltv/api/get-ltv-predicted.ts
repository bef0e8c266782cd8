import { queryOptions, useQuery } from '@tanstack/react-query';
import { ltvPredictedContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type LtvPredictedQuery = QueryOf<typeof ltvPredictedContract.get>;

export const ltvPredictedQueryOptions = (ws: string, query: LtvPredictedQuery) =>
  queryOptions({
    queryKey: ['ltv-predicted', ws, query],
    queryFn: ({ signal }) => apiCall(ltvPredictedContract.get, { params: { ws }, query, signal }),
  });

export function useLtvPredicted(ws: string, query: LtvPredictedQuery) {
  return useQuery(ltvPredictedQueryOptions(ws, query));
}
