import { useQuery } from '@tanstack/react-query';
import { importsContract, membersContract } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

/** The workspace's import history, newest first (the page's history and freshness). */
export function useImports(ws: string) {
  return useQuery({
    queryKey: ['imports', ws, 'list'],
    queryFn: ({ signal }) =>
      apiCall(importsContract.list, { params: { ws }, query: { limit: 200 }, signal }),
    staleTime: 5_000,
  });
}

/** Who a user id is (owners may list members; others see ids, and themselves as "me"). */
export function useMemberEmails(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', ws],
    queryFn: ({ signal }) => apiCall(membersContract.list, { params: { ws }, signal }),
    enabled,
    select: (answer) => new Map(answer.members.map((m) => [m.userId, m.email])),
  });
}
