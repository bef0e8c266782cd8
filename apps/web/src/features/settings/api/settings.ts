import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  annotationsContract,
  channelsContract,
  settingsContract,
  type SettingsPatch,
} from '@yugang/contract';
import { useEffect } from 'react';
import { apiCall } from '../../../lib/api-client';
import { useUpColor } from '../../../lib/up-down';

export function useSettings(ws: string) {
  return useQuery({
    queryKey: ['settings', ws],
    queryFn: ({ signal }) => apiCall(settingsContract.get, { params: { ws }, signal }),
  });
}

/** Hands the workspace's up/down colour setting to every chart and card of the app. */
export function useWorkspaceUpColor(ws: string | undefined) {
  const settings = useQuery({
    queryKey: ['settings', ws],
    queryFn: ({ signal }) => apiCall(settingsContract.get, { params: { ws: ws! }, signal }),
    enabled: Boolean(ws),
  });
  const { setWorkspace } = useUpColor('zh-CN');
  const value = settings.data?.settings.upColor ?? null;
  useEffect(() => setWorkspace(value), [value, setWorkspace]);
}

/** Saves a PATCH; every answer of the workspace may depend on settings, so all refetch. */
export function useUpdateSettings(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsPatch) => apiCall(settingsContract.update, { params: { ws }, body }),
    onSuccess: (answer) => {
      client.setQueryData(['settings', ws], answer);
      void client.invalidateQueries({
        predicate: (q) =>
          q.queryKey[1] === ws && q.queryKey[0] !== 'settings' && q.queryKey[0] !== 'auth',
      });
    },
  });
}

export function useChannels(ws: string) {
  return useQuery({
    queryKey: ['channels', ws],
    queryFn: ({ signal }) => apiCall(channelsContract.list, { params: { ws }, signal }),
  });
}

/** Annotations of the 365 days up to tomorrow. */
export function useRecentAnnotations(ws: string, today: string) {
  const end = new Date(`${today}T00:00:00Z`);
  const to = new Date(end.getTime() + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(end.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  return useQuery({
    queryKey: ['annotations', ws, 'settings', from, to],
    queryFn: ({ signal }) =>
      apiCall(annotationsContract.list, { params: { ws }, query: { from, to }, signal }),
  });
}

export function useRemoveAnnotation(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (annotationId: number) =>
      apiCall(annotationsContract.remove, { params: { ws, annotationId } }),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
      }),
  });
}
