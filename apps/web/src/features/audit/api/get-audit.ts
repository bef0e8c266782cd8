import { useInfiniteQuery } from '@tanstack/react-query';
import { auditContract } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

const PAGE = 100;

/** The audit log a page at a time, newest first; the next page starts before the oldest shown. */
export function useAuditLog(ws: string) {
  return useInfiniteQuery({
    queryKey: ['audit', ws],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiCall(auditContract.list, {
        params: { ws },
        query: { limit: PAGE, before: pageParam },
        signal,
      }),
    getNextPageParam: (last) =>
      last.entries.length === PAGE ? last.entries[last.entries.length - 1]!.id : undefined,
  });
}
