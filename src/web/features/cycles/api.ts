import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBoard,
  TCreateCycle,
  TCycleDetail,
  TCyclePatch,
  TCycleSummary,
  TReviewerAccount,
  TReviewerRow,
} from '../../../contracts/cycles';
import { api, apiGet, apiPatch, apiPost } from '../../backend/client';

export const CYCLES_KEY = ['cycles'] as const;

interface CyclePage {
  items: TCycleSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CycleListParams {
  year?: number;
  page: number;
  pageSize: number;
}

export function useCycles(params: CycleListParams, enabled = true) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'list', params],
    queryFn: () => apiGet<CyclePage>('/cycles', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCycle(id: string) {
  return useQuery({
    queryKey: [...CYCLES_KEY, id, 'detail'],
    queryFn: () => apiGet<TCycleDetail>(`/cycles/${id}`),
  });
}

export function useBoard(id: string, enabled = true) {
  return useQuery({
    queryKey: [...CYCLES_KEY, id, 'board'],
    queryFn: () => apiGet<TBoard>(`/cycles/${id}/board`),
    enabled,
  });
}

export const boardXlsxUrl = (id: string) => `/api/cycles/${id}/board.xlsx`;

/** Every change of a cycle answers with the whole cycle: it replaces the cached detail at once. */
function useCycleMutation<V>(fn: (v: V) => Promise<TCycleDetail>) {
  const qc = useQueryClient();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: fn,
    onSuccess: (detail) => {
      qc.setQueryData([...CYCLES_KEY, detail.id, 'detail'], detail);
      void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, 'list'] });
      void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, detail.id, 'board'] });
    },
  });
}

export const useCreateCycle = () =>
  useCycleMutation((body: TCreateCycle) => apiPost<TCycleDetail>('/cycles', body));

export const useUpdateCycle = (id: string) =>
  useCycleMutation((body: TCyclePatch) => apiPatch<TCycleDetail>(`/cycles/${id}`, body));

export const useSetCycleUnits = (id: string) =>
  useCycleMutation((unitIds: string[]) =>
    api<TCycleDetail>(`/cycles/${id}/units`, { method: 'PUT', body: { unitIds } }),
  );

export interface ExtensionBody {
  unitId: string;
  window: TCycleDetail['extensions'][number]['window'];
  until: string;
  reason: string;
}

export const useAddExtension = (id: string) =>
  useCycleMutation((body: ExtensionBody) =>
    api<TCycleDetail>(`/cycles/${id}/extensions`, { method: 'PUT', body }),
  );

export function useReviewers(id: string, enabled = true) {
  return useQuery({
    queryKey: [...CYCLES_KEY, id, 'reviewers'],
    queryFn: () => apiGet<{ items: TReviewerRow[] }>(`/cycles/${id}/reviewers`),
    enabled,
  });
}

export function useReviewerAccounts(id: string) {
  return useQuery({
    queryKey: [...CYCLES_KEY, id, 'reviewer-accounts'],
    queryFn: () => apiGet<{ items: TReviewerAccount[] }>(`/cycles/${id}/reviewer-accounts`),
  });
}

export interface AssignmentBody {
  userId: string;
  unitId: string | null;
  pillarCode: string | null;
}

export function useSaveReviewers(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (assignments: AssignmentBody[]) =>
      api<{ items: TReviewerRow[] }>(`/cycles/${id}/reviewers`, { method: 'PUT', body: { assignments } }),
    onSuccess: (data) => {
      qc.setQueryData([...CYCLES_KEY, id, 'reviewers'], data);
      void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, id, 'board'] });
    },
  });
}
