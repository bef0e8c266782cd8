import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { goalsContract, type BodyOf, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type GoalsQuery = QueryOf<typeof goalsContract.list>;

export const goalsQueryOptions = (ws: string, query: GoalsQuery) =>
  queryOptions({
    queryKey: ['goals', ws, query],
    queryFn: ({ signal }) => apiCall(goalsContract.list, { params: { ws }, query, signal }),
  });

export function useGoals(ws: string, query: GoalsQuery) {
  return useQuery(goalsQueryOptions(ws, query));
}

/** Goals are drawn on charts too: every query of the workspace refetches after a change. */
function useRefresh(ws: string) {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
    });
}

export function useCreateGoal(ws: string) {
  const refresh = useRefresh(ws);
  return useMutation({
    mutationFn: (body: BodyOf<typeof goalsContract.create>) =>
      apiCall(goalsContract.create, { params: { ws }, body }),
    onSuccess: refresh,
  });
}

export function useUpdateGoal(ws: string) {
  const refresh = useRefresh(ws);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<typeof goalsContract.update> }) =>
      apiCall(goalsContract.update, { params: { ws, goalId: id }, body }),
    onSuccess: refresh,
  });
}

export function useDeleteGoal(ws: string) {
  const refresh = useRefresh(ws);
  return useMutation({
    mutationFn: (id: number) => apiCall(goalsContract.remove, { params: { ws, goalId: id } }),
    onSuccess: refresh,
  });
}
