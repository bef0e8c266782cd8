import { queryOptions, useQuery } from '@tanstack/react-query';
import { membershipContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type MemberTrendQuery = QueryOf<typeof membershipContract.trend>;

export const memberTrendQueryOptions = (ws: string, query: MemberTrendQuery) =>
  queryOptions({
    queryKey: ['membership-trend', ws, query],
    queryFn: ({ signal }) => apiCall(membershipContract.trend, { params: { ws }, query, signal }),
  });

export function useMemberTrend(ws: string, query: MemberTrendQuery) {
  return useQuery(memberTrendQueryOptions(ws, query));
}
