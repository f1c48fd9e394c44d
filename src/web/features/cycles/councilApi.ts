import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCouncilRow, TSnapshot } from '../../../contracts/cycles';
import { api, apiGet, apiPost } from '../../backend/client';
import { CYCLES_KEY } from './api';
import type { TCentralImportResult, TSnapshotInfo } from './types';

export function useCouncil(cycleId: string) {
  return useQuery({
    queryKey: [...CYCLES_KEY, cycleId, 'council'],
    queryFn: () => apiGet<{ items: TCouncilRow[] }>(`/cycles/${cycleId}/council`),
  });
}

function useInvalidateCycle(cycleId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, cycleId] });
    void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, 'list'] });
  };
}

export function useCouncilConfirm(cycleId: string) {
  const invalidate = useInvalidateCycle(cycleId);
  return useMutation({
    mutationFn: (unitIds: string[]) =>
      apiPost<{ confirmed: number }>(`/cycles/${cycleId}/council/confirm`, { unitIds }),
    onSuccess: invalidate,
  });
}

export function useSnapshots(cycleId: string) {
  return useQuery({
    queryKey: [...CYCLES_KEY, cycleId, 'snapshots'],
    queryFn: () => apiGet<{ items: TSnapshotInfo[] }>(`/cycles/${cycleId}/snapshots`),
  });
}

export function useSnapshot(cycleId: string, version: number | null) {
  return useQuery({
    queryKey: [...CYCLES_KEY, cycleId, 'snapshot', version],
    queryFn: () => apiGet<TSnapshot>(`/cycles/${cycleId}/snapshots/${version}`),
    enabled: version !== null,
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePublish(cycleId: string) {
  const invalidate = useInvalidateCycle(cycleId);
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (reason: string) => apiPost<TSnapshotInfo>(`/cycles/${cycleId}/publish`, { reason }),
    onSuccess: invalidate,
  });
}

export const centralTemplateUrl = (cycleId: string) => `/api/cycles/${cycleId}/central-template`;

/** Sends central data of one level with its source; a dry run checks every row and writes nothing. */
export async function importCentral(
  cycleId: string,
  file: File,
  dryRun: boolean,
  where: { level: string; source: string },
) {
  const body = new FormData();
  body.append('file', file);
  const result = await api<TCentralImportResult>(`/cycles/${cycleId}/central`, {
    method: 'POST',
    body,
    query: { dryRun, level: where.level, source: where.source },
  });
  return { ...result, dryRun };
}
