import { queryOptions, useQuery } from '@tanstack/react-query';
import { reviewContract, type QueryOf } from '@yugang/contract';
import { apiCall, apiUrl } from '../../../lib/api-client';

export type ReviewQuery = QueryOf<typeof reviewContract.get>;

export const reviewQueryOptions = (ws: string, query: ReviewQuery) =>
  queryOptions({
    queryKey: ['review', ws, query],
    queryFn: ({ signal }) => apiCall(reviewContract.get, { params: { ws }, query, signal }),
  });

export function useReview(ws: string, query: ReviewQuery) {
  return useQuery(reviewQueryOptions(ws, query));
}

/** Download links of the review as slides and as a printed PDF, in a language. */
export function reviewDownloads(ws: string, week: string, lang: 'zh-CN' | 'en') {
  const options = { params: { ws }, query: { week, lang } };
  return {
    pptx: apiUrl(reviewContract.pptx, options),
    pdf: apiUrl(reviewContract.pdf, options),
  };
}
