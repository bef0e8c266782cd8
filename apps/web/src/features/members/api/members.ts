import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { membersContract, type BodyOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

const key = (ws: string) => ['members', ws];

export function useMembers(ws: string) {
  return useQuery({
    queryKey: key(ws),
    queryFn: ({ signal }) => apiCall(membersContract.list, { params: { ws }, signal }),
  });
}

function useMembersMutation<V, R>(ws: string, call: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    // the audit log (and anything else of the workspace) records the change too
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
      }),
  });
}

export function useAddMember(ws: string) {
  return useMembersMutation(ws, (body: BodyOf<typeof membersContract.add>) =>
    apiCall(membersContract.add, { params: { ws }, body }),
  );
}

export function useChangeRole(ws: string) {
  return useMembersMutation(
    ws,
    ({ userId, role }: { userId: number; role: 'owner' | 'lead' | 'viewer' }) =>
      apiCall(membersContract.update, { params: { ws, userId }, body: { role } }),
  );
}

export function useRemoveMember(ws: string) {
  return useMembersMutation(ws, (userId: number) =>
    apiCall(membersContract.remove, { params: { ws, userId } }),
  );
}
