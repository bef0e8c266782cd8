import { queryOptions, useQuery } from '@tanstack/react-query';
import { attributionContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type AttributionQuery = QueryOf<typeof attributionContract.get>;

export const attributionQueryOptions = (ws: string, query: AttributionQuery) =>
  queryOptions({
    queryKey: ['attribution', ws, query],
    queryFn: ({ signal }) => apiCall(attributionContract.get, { params: { ws }, query, signal }),
  });

export function useAttribution(ws: string, query: AttributionQuery, enabled = true) {
  return useQuery({ ...attributionQueryOptions(ws, query), enabled });
}
