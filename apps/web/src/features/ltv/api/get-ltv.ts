import { queryOptions, useQuery } from '@tanstack/react-query';
import { ltvContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type LtvQuery = QueryOf<typeof ltvContract.get>;

export const ltvQueryOptions = (ws: string, query: LtvQuery) =>
  queryOptions({
    queryKey: ['ltv', ws, query],
    queryFn: ({ signal }) => apiCall(ltvContract.get, { params: { ws }, query, signal }),
  });

export function useLtv(ws: string, query: LtvQuery) {
  return useQuery(ltvQueryOptions(ws, query));
}
