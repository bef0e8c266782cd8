import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authContract, type BodyOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';
import { meQueryOptions } from './get-me';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof authContract.login>) => apiCall(authContract.login, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
  });
}
