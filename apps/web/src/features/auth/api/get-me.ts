import { queryOptions, useQuery } from '@tanstack/react-query';
import { authContract } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: ({ signal }) => apiCall(authContract.me, { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
