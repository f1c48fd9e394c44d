import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPracticeView } from '../../../contracts/practice';
import { api, apiGet, apiPost } from '../../backend/client';
import type { TDryRun, TScenarioDoc, TScenarioItem, TScenarioProblem } from './types';

const KEY = ['scenarios'] as const;

export function useScenarios(q?: string) {
  return useQuery({
    queryKey: [...KEY, 'list', q ?? ''],
    queryFn: () => apiGet<{ items: TScenarioItem[] }>('/scenarios', { q }),
    placeholderData: keepPreviousData,
  });
}

/** The list item of one scenario (its version, usage, shipped flag) from the whole list. */
export function useScenarioItem(code: string) {
  const list = useScenarios();
  return { ...list, item: list.data?.items.find((s) => s.code === code) };
}

export function useScenarioDocument(code: string) {
  return useQuery({
    queryKey: [...KEY, code, 'document'],
    queryFn: () => apiGet<TScenarioDoc>(`/scenarios/${encodeURIComponent(code)}`),
    // The editor holds its own copy while editing: a background refetch must not replace it.
    refetchOnWindowFocus: false,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useCreateScenario() {
  const invalidate = useInvalidate();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TScenarioDoc | { copyOf: string; code: string; name: string }) =>
      apiPost<TScenarioItem>('/scenarios', body),
    onSuccess: invalidate,
  });
}

export function useSaveScenario(code: string) {
  const invalidate = useInvalidate();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: ({ doc, version }: { doc: unknown; version?: number }) =>
      api<TScenarioItem>(`/scenarios/${encodeURIComponent(code)}`, {
        method: 'PUT',
        body: doc,
        query: { version },
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteScenario() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ ok: true }>(`/scenarios/${encodeURIComponent(code)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useCheckScenario() {
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (doc: unknown) => apiPost<{ problems: TScenarioProblem[] }>('/scenarios/validate', doc),
  });
}

/** Preview and dry run: of the stored scenario, or of the document being edited when one is given. */
export function usePreview(code: string) {
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (draft?: unknown) =>
      apiPost<TPracticeView>(
        `/scenarios/${encodeURIComponent(code)}/preview`,
        draft ? { scenario: draft } : {},
      ),
  });
}

export function useDryRun(code: string) {
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (draft?: unknown) =>
      apiPost<TDryRun>(`/scenarios/${encodeURIComponent(code)}/dry-run`, draft ? { scenario: draft } : {}),
  });
}
