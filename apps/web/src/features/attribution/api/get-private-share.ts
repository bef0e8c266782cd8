import { queryOptions, useQuery } from '@tanstack/react-query';
import { settingsContract } from '@yugang/contract';
import { apiCall } from '../../../lib/api-client';

/** The workspace settings, read for the attribution rule's private share. */
export const workspaceSettingsQueryOptions = (ws: string) =>
  queryOptions({
    queryKey: ['settings', ws],
    queryFn: ({ signal }) => apiCall(settingsContract.get, { params: { ws }, signal }),
  });

export function usePrivateShare(ws: string) {
  const query = useQuery(workspaceSettingsQueryOptions(ws));
  return query.data?.settings.privateShare ?? null;
}
