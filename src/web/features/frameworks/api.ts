import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrameworkLevel } from '../../../contracts/framework-domain';
import type {
  TAddNode,
  TCreateFramework,
  TFrameworkDetail,
  TFrameworkDiff,
  TFrameworkImportResult,
  TFrameworkMetaPatch,
  TFrameworkPage,
  TMoveNode,
  TNodePatch,
} from '../../../contracts/frameworks';
import { api, apiGet, apiPatch, apiPost } from '../../backend/client';

export interface FrameworkListParams {
  q?: string;
  year?: number;
  level?: FrameworkLevel;
  page: number;
  pageSize: number;
}

export function useFrameworks(params: FrameworkListParams) {
  return useQuery({
    queryKey: ['frameworks', 'list', params],
    queryFn: () => apiGet<TFrameworkPage>('/frameworks', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'detail', id],
    queryFn: () => apiGet<TFrameworkDetail>(`/frameworks/${id}`),
    enabled: Boolean(id),
  });
}

export function useFrameworkDiff(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'diff', from, to],
    queryFn: () => apiGet<TFrameworkDiff>('/frameworks/compare', { from, to }),
    enabled: Boolean(from && to),
  });
}

export const exportJsonUrl = (id: string) => `/api/frameworks/${id}/export.json`;
export const exportXlsxUrl = (id: string) => `/api/frameworks/${id}/export.xlsx`;
export const IMPORT_TEMPLATE_URL = '/api/frameworks/import-template';

const nodePath = (id: string, code: string) => `/frameworks/${id}/nodes/${encodeURIComponent(code)}`;

/** Every change answers with the whole version: it replaces the cached detail at once. */
function useFrameworkMutation<V>(fn: (v: V) => Promise<TFrameworkDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(['frameworks', 'detail', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['frameworks', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['frameworks', 'diff'] });
    },
  });
}

export const useCreateFramework = () =>
  useFrameworkMutation((body: TCreateFramework) => apiPost<TFrameworkDetail>('/frameworks', body));

export const useUpdateMeta = (id: string) =>
  useFrameworkMutation((body: TFrameworkMetaPatch) => apiPatch<TFrameworkDetail>(`/frameworks/${id}`, body));

export const useSaveNode = (id: string) =>
  useFrameworkMutation(
    ({ code, node }: { code: string | null; node: TNodePatch & { parentCode?: string | null } }) => {
      if (code === null) {
        const { parentCode = null, rule, ...fields } = node;
        const body: TAddNode = { parentCode, node: { ...fields, ...(rule ? { rule } : {}) } };
        return apiPost<TFrameworkDetail>(`/frameworks/${id}/nodes`, body);
      }
      return api<TFrameworkDetail>(nodePath(id, code), { method: 'PUT', body: node });
    },
  );

export const useDeleteNode = (id: string) =>
  useFrameworkMutation((code: string) => api<TFrameworkDetail>(nodePath(id, code), { method: 'DELETE' }));

export const useMoveNode = (id: string) =>
  useFrameworkMutation(({ code, to }: { code: string; to: TMoveNode }) =>
    apiPost<TFrameworkDetail>(`${nodePath(id, code)}/move`, to),
  );

export const useCloneFramework = (id: string) =>
  useFrameworkMutation((year: number) => apiPost<TFrameworkDetail>(`/frameworks/${id}/clone`, { year }));

export function importFramework(file: File, dryRun: boolean): Promise<TFrameworkImportResult> {
  const form = new FormData();
  form.append('file', file);
  return api<TFrameworkImportResult>('/frameworks/import', { method: 'POST', body: form, query: { dryRun } });
}
