import { queryOptions, useQuery } from '@tanstack/react-query';
import { attributionContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type AttributionSplitQuery = QueryOf<typeof attributionContract.split>;

export const attributionSplitQueryOptions = (ws: string, query: AttributionSplitQuery) =>
  queryOptions({
    queryKey: ['attribution-split', ws, query],
    queryFn: ({ signal }) => apiCall(attributionContract.split, { params: { ws }, query, signal }),
  });

export function useAttributionSplit(ws: string, query: AttributionSplitQuery, enabled = true) {
  return useQuery({ ...attributionSplitQueryOptions(ws, query), enabled });
}
