import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authContract } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(authContract.logout),
    onSuccess: () => client.clear(),
  });
}
