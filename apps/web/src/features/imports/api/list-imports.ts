import { useQuery } from '@tanstack/react-query';
import { importsContract } from '@yugang/contract';
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
