import { queryOptions, useQuery } from '@tanstack/react-query';
import { summaryContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type SummaryQuery = QueryOf<typeof summaryContract.get>;

/** The summary (METRICS §1) for a window; without one, the API's default ends on the latest data day. */
export const summaryQueryOptions = (ws: string, query: SummaryQuery) =>
  queryOptions({
    queryKey: ['summary', ws, query],
    queryFn: ({ signal }) => apiCall(summaryContract.get, { params: { ws }, query, signal }),
  });

export function useSummary(ws: string, query: SummaryQuery, enabled = true) {
  return useQuery({ ...summaryQueryOptions(ws, query), enabled });
}
