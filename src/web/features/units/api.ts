import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitLevel } from '../../../contracts/domain';
import type {
  TMergeRequest,
  TSplitRequest,
  TUnit,
  TUnitDetail,
  TUnitInput,
  TUnitPage,
} from '../../../contracts/units';
import { apiGet, apiPatch, apiPost, queryString } from '../../backend/client';

export type UnitStatus = 'active' | 'retired' | 'all';

export interface UnitFilters {
  q?: string;
  level?: UnitLevel;
  groupNo?: number;
  parentId?: string;
  validOn?: string;
  status?: UnitStatus;
}

export interface UnitListParams extends UnitFilters {
  page: number;
  pageSize: number;
}

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: ['units', 'list', params],
    queryFn: () => apiGet<TUnitPage>('/units', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnit(id: string) {
  return useQuery({ queryKey: ['units', 'detail', id], queryFn: () => apiGet<TUnitDetail>(`/units/${id}`) });
}

/** Every quận/huyện, retired ones too (a xã may belong to one that no longer exists). */
export function useHuyenUnits(enabled = true) {
  return useQuery({
    queryKey: ['units', 'list', { level: 'huyen', status: 'all', pageSize: 200 }],
    queryFn: () => apiGet<TUnitPage>('/units', { level: 'huyen', status: 'all', pageSize: 200 }),
    staleTime: 60_000,
    enabled,
  });
}

export function exportUrl(filters: UnitFilters): string {
  return `/api/units/export${queryString({ ...filters })}`;
}

export const TEMPLATE_URL = '/api/units/import-template';

function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['units'] });
}

export function useSaveUnit(id: string | null) {
  const invalidate = useInvalidateUnits();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (input: TUnitInput) =>
      id ? apiPatch<TUnit>(`/units/${id}`, input) : apiPost<TUnit>('/units', input),
    onSuccess: invalidate,
  });
}

export function useRetireUnit(id: string) {
  const invalidate = useInvalidateUnits();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: { validTo: string; note?: string }) => apiPost<TUnit>(`/units/${id}/retire`, body),
    onSuccess: invalidate,
  });
}

export function useMergeUnits() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TMergeRequest) => apiPost<TUnitDetail>('/units/merge', body),
    onSuccess: invalidate,
  });
}

export function useSplitUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: ({ id, body }: { id: string; body: TSplitRequest }) =>
      apiPost<{ items: TUnit[] }>(`/units/${id}/split`, body),
    onSuccess: invalidate,
  });
}
