import { queryOptions, useQuery } from '@tanstack/react-query';
import { communityContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type CommunityQuery = QueryOf<typeof communityContract.get>;

export const communityQueryOptions = (ws: string, query: CommunityQuery) =>
  queryOptions({
    queryKey: ['community', ws, query],
    queryFn: ({ signal }) => apiCall(communityContract.get, { params: { ws }, query, signal }),
  });

export function useCommunity(ws: string, query: CommunityQuery) {
  return useQuery(communityQueryOptions(ws, query));
}
