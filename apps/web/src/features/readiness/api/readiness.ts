import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readinessContract, type BodyOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export const readinessQueryOptions = (ws: string) =>
  queryOptions({
    queryKey: ['readiness', ws],
    queryFn: ({ signal }) => apiCall(readinessContract.get, { params: { ws }, signal }),
  });

export function useReadiness(ws: string) {
  return useQuery(readinessQueryOptions(ws));
}

/** Records an assessment (lead or owner); the page then shows it against the one before. */
export function useCreateAssessment(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof readinessContract.create>) =>
      apiCall(readinessContract.create, { params: { ws }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['readiness', ws] }),
  });
}
