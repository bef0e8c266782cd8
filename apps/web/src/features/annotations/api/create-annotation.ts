import { useMutation, useQueryClient } from '@tanstack/react-query';
import { annotationsContract, type BodyOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

/** Adds an annotation; every chart query of the workspace refetches so its marker appears. */
export function useCreateAnnotation(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof annotationsContract.create>) =>
      apiCall(annotationsContract.create, { params: { ws }, body }),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
      }),
  });
}
