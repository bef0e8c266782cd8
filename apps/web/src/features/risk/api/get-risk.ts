import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { riskContract, type BodyOf, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type RiskQuery = QueryOf<typeof riskContract.get>;

export const riskQueryOptions = (ws: string, query: RiskQuery) =>
  queryOptions({
    queryKey: ['risk', ws, query],
    queryFn: ({ signal }) => apiCall(riskContract.get, { params: { ws }, query, signal }),
  });

export function useRisk(ws: string, query: RiskQuery, enabled = true) {
  return useQuery({ ...riskQueryOptions(ws, query), enabled });
}

/** Checks a text against the workspace's sensitive words (nothing is stored). */
export function useCheckText(ws: string) {
  return useMutation({
    mutationFn: (body: BodyOf<typeof riskContract.checkText>) =>
      apiCall(riskContract.checkText, { params: { ws }, body }),
  });
}
