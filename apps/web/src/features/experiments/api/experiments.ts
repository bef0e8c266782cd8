import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { experimentsContract, type QueryOf } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

export type ExperimentPlanQuery = QueryOf<typeof experimentsContract.plan>;

export const experimentListQueryOptions = (ws: string) =>
  queryOptions({
    queryKey: ['experiments', ws],
    queryFn: ({ signal }) => apiCall(experimentsContract.list, { params: { ws }, signal }),
  });

export function useExperiments(ws: string) {
  return useQuery(experimentListQueryOptions(ws));
}

export function useExperiment(ws: string, experimentId: string | undefined) {
  return useQuery({
    queryKey: ['experiments', ws, experimentId],
    queryFn: ({ signal }) =>
      apiCall(experimentsContract.get, {
        params: { ws, experimentId: experimentId ?? '' },
        query: {},
        signal,
      }),
    enabled: experimentId !== undefined,
  });
}

export function useExperimentPlan(ws: string, query: ExperimentPlanQuery | null) {
  return useQuery({
    queryKey: ['experiments', ws, 'plan', query],
    queryFn: ({ signal }) =>
      apiCall(experimentsContract.plan, { params: { ws }, query: query!, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
