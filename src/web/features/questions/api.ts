import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCategory,
  TCategoryInput,
  TCategoryList,
  TCategoryPatch,
  TImportFormat,
  TQuestionDetail,
  TQuestionFilters,
  TQuestionImportResult,
  TQuestionInput,
  TQuestionPage,
  TQuestionPatch,
  TQuestionTags,
} from '../../../contracts/questions';
import { api, apiGet, apiPatch, apiPost, queryString } from '../../backend/client';

export interface QuestionListParams extends TQuestionFilters {
  page: number;
  pageSize: number;
}

export function useQuestions(params: QuestionListParams) {
  return useQuery({
    queryKey: ['questions', 'list', params],
    queryFn: () => apiGet<TQuestionPage>('/questions', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useQuestion(id: string | null) {
  return useQuery({
    queryKey: ['questions', 'detail', id],
    queryFn: () => apiGet<TQuestionDetail>(`/questions/${id}`),
    enabled: Boolean(id),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['questions', 'categories'],
    queryFn: () => apiGet<TCategoryList>('/question-categories'),
  });
}

export function useTags() {
  return useQuery({
    queryKey: ['questions', 'tags'],
    queryFn: () => apiGet<TQuestionTags>('/questions/tags'),
    staleTime: 30_000,
  });
}

export const TEMPLATE_URL = '/api/questions/import-template';

export function exportUrl(filters: TQuestionFilters, format: 'xlsx' | 'moodle_xml'): string {
  return `/api/questions/export${queryString({ ...filters, format })}`;
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['questions'] });
}

export function useSaveQuestion(id: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (input: TQuestionInput | TQuestionPatch) =>
      id
        ? apiPatch<TQuestionDetail>(`/questions/${id}`, input)
        : apiPost<TQuestionDetail>('/questions', input as TQuestionInput),
    onSuccess: invalidate,
  });
}

export function useQuestionAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'approve' | 'unapprove' | 'delete' }) => {
      if (action === 'delete') await api<{ ok: true }>(`/questions/${id}`, { method: 'DELETE' });
      else await apiPost<TQuestionDetail>(`/questions/${id}/${action}`);
    },
    onSuccess: invalidate,
  });
}

export function useSaveCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: ({ id, body }: { id: string | null; body: TCategoryInput | TCategoryPatch }) =>
      id
        ? apiPatch<TCategory>(`/question-categories/${id}`, body)
        : apiPost<TCategory>('/question-categories', body),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/question-categories/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Uploads a question file; a dry run reads and checks it and imports nothing. */
export function importQuestions(
  file: File,
  opts: { dryRun: boolean; format?: TImportFormat; duplicates: 'skip' | 'import' },
): Promise<TQuestionImportResult> {
  const body = new FormData();
  body.append('file', file);
  return api<TQuestionImportResult>('/questions/import', {
    method: 'POST',
    body,
    query: { dryRun: opts.dryRun, format: opts.format, duplicates: opts.duplicates },
  });
}
