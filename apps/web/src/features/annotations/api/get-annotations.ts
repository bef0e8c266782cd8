import { queryOptions, useQuery } from '@tanstack/react-query';
import { annotationsContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type AnnotationsQuery = QueryOf<typeof annotationsContract.list>;

export const annotationsQueryOptions = (ws: string, query: AnnotationsQuery) =>
  queryOptions({
    queryKey: ['annotations', ws, query],
    queryFn: ({ signal }) => apiCall(annotationsContract.list, { params: { ws }, query, signal }),
  });

export function useAnnotations(ws: string, query: AnnotationsQuery) {
  return useQuery(annotationsQueryOptions(ws, query));
}
