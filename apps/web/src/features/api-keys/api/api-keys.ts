import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiKeysContract, type BodyOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

const key = (ws: string) => ['api-keys', ws];

export function useApiKeys(ws: string) {
  return useQuery({
    queryKey: key(ws),
    queryFn: ({ signal }) => apiCall(apiKeysContract.list, { params: { ws }, signal }),
  });
}

export function useCreateApiKey(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof apiKeysContract.create>) =>
      apiCall(apiKeysContract.create, { params: { ws }, body }),
    // the audit log (and anything else of the workspace) records the change too
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
      }),
  });
}

export function useRevokeApiKey(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keyId: number) => apiCall(apiKeysContract.revoke, { params: { ws, keyId } }),
    // the audit log (and anything else of the workspace) records the change too
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
      }),
  });
}
