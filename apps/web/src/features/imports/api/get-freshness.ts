import { useQuery } from '@tanstack/react-query';
import { summaryContract } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

/**
 * The workspace's latest data day and last import, as every windowed answer carries them; the
 * summary is asked because the dashboard has usually computed (and cached) it already.
 */
export function useDataFreshness(ws: string) {
  return useQuery({
    queryKey: ['summary', ws, 'freshness'],
    queryFn: async ({ signal }) =>
      (await apiCall(summaryContract.get, { params: { ws }, signal })).freshness,
  });
}
