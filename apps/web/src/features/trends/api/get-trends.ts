import { queryOptions, useQuery } from '@tanstack/react-query';
import { trendsContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type TrendsQuery = QueryOf<typeof trendsContract.get>;

export const trendsQueryOptions = (ws: string, query: TrendsQuery) =>
  queryOptions({
    queryKey: ['trends', ws, query],
    queryFn: ({ signal }) => apiCall(trendsContract.get, { params: { ws }, query, signal }),
  });

export function useTrends(ws: string, query: TrendsQuery, enabled = true) {
  return useQuery({ ...trendsQueryOptions(ws, query), enabled });
}
