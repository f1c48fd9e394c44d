import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TReviewAction, TReviewQueueItem, TUnitForm } from '../../../contracts/cycles';
import { api, apiGet, apiPost } from '../../backend/client';
import { CYCLES_KEY } from './api';

/** A queue item; `unitCode` when the server sends it (it names the unit in test ids and links). */
export type QueueItem = TReviewQueueItem & { unitCode?: string };

interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QueueParams {
  unitId?: string;
  pillar?: string;
  review?: TReviewQueueItem['review'];
  q?: string;
  page: number;
  pageSize: number;
}

export function useReviewQueue(cycleId: string, params: QueueParams) {
  return useQuery({
    queryKey: [...CYCLES_KEY, cycleId, 'queue', params],
    queryFn: () => apiGet<QueuePage>(`/cycles/${cycleId}/review-queue`, { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** A review changes the queue, the board and the council's figures. */
function useInvalidateCycle(cycleId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, cycleId] });
    void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, 'list'] });
  };
}

export const entryPath = (cycleId: string, unitId: string, code: string) =>
  `/cycles/${cycleId}/units/${unitId}/entries/${encodeURIComponent(code)}`;

export function useReview(cycleId: string) {
  const invalidate = useInvalidateCycle(cycleId);
  return useMutation({
    meta: { handlesError: true },
    mutationFn: ({ unitId, code, action }: { unitId: string; code: string; action: TReviewAction }) =>
      apiPost<{ ok: true }>(`${entryPath(cycleId, unitId, code)}/review`, action),
    onSuccess: invalidate,
  });
}

export function useBulkAgree(cycleId: string) {
  const invalidate = useInvalidateCycle(cycleId);
  return useMutation({
    mutationFn: (items: { unitId: string; code: string }[]) =>
      apiPost<{ agreed: number }>(`/cycles/${cycleId}/review/agree`, { items }),
    onSuccess: invalidate,
  });
}

export function useUnitForm(cycleId: string, unitId: string | null) {
  return useQuery({
    queryKey: [...CYCLES_KEY, cycleId, 'form', unitId],
    queryFn: () => apiGet<TUnitForm>(`/cycles/${cycleId}/units/${unitId}/form`),
    enabled: Boolean(unitId),
  });
}

export function useSetFinal(cycleId: string) {
  const invalidate = useInvalidateCycle(cycleId);
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (v: { unitId: string; code: string; points: number; reason: string }) =>
      api<{ ok: true }>(`${entryPath(cycleId, v.unitId, v.code)}/final`, {
        method: 'PUT',
        body: { points: v.points, reason: v.reason },
      }),
    onSuccess: invalidate,
  });
}
