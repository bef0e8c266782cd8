import { queryOptions, useQuery } from '@tanstack/react-query';
import { roiContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type RoiQuery = QueryOf<typeof roiContract.get>;

export const roiQueryOptions = (ws: string, query: RoiQuery) =>
  queryOptions({
    queryKey: ['roi', ws, query],
    queryFn: ({ signal }) => apiCall(roiContract.get, { params: { ws }, query, signal }),
  });

export function useRoi(ws: string, query: RoiQuery, enabled = true) {
  return useQuery({ ...roiQueryOptions(ws, query), enabled });
}
