import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification } from '../../../contracts/cycles';
import { apiGet, apiPost } from '../../backend/client';

const KEY = ['notifications'] as const;
const POLL_MS = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => apiGet<{ items: TNotification[]; unread: number }>('/notifications'),
    refetchInterval: POLL_MS,
    // A failed poll should not retry in a loop; the next poll tries again.
    retry: false,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => apiPost<unknown>(`/notifications/${id}/read`),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => apiPost<unknown>('/notifications/read-all'),
    onSuccess: refresh,
  });
}
