import { queryOptions, useQuery } from '@tanstack/react-query';
import { teamKpisContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type TeamKpisQuery = QueryOf<typeof teamKpisContract.get>;

export const teamKpisQueryOptions = (ws: string, query: TeamKpisQuery) =>
  queryOptions({
    queryKey: ['team-kpis', ws, query],
    queryFn: ({ signal }) => apiCall(teamKpisContract.get, { params: { ws }, query, signal }),
  });

export function useTeamKpis(ws: string, query: TeamKpisQuery, enabled = true) {
  return useQuery({ ...teamKpisQueryOptions(ws, query), enabled });
}
