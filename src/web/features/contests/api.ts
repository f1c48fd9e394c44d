import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBlueprintCheck,
  TCandidate,
  TCandidateImportResult,
  TCandidateListQuery,
  TCandidatePage,
  TCandidatePatch,
  TCategoryChoice,
  TContest,
  TContestInput,
  TContestList,
  TContestPatch,
  TContestRules,
  TContestStatus,
  TExamSession,
  TExamSessionInput,
  TIssuePasswordsRequest,
} from '../../../contracts/contests';
import { ApiError, api, apiGet, apiPatch, apiPost } from '../../backend/client';

const KEY = ['contests'] as const;

export function useContests() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => apiGet<TContestList>('/contests') });
}

export function useContest(id: string) {
  return useQuery({ queryKey: [...KEY, id], queryFn: () => apiGet<TContest>(`/contests/${id}`) });
}

export function useSessions(contestId: string) {
  return useQuery({
    queryKey: [...KEY, contestId, 'sessions'],
    queryFn: () => apiGet<{ items: TExamSession[] }>(`/contests/${contestId}/sessions`),
  });
}

export function useCategoryChoices(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'categories'],
    queryFn: () => apiGet<{ items: TCategoryChoice[] }>('/contests/question-categories'),
    staleTime: 60_000,
    enabled,
  });
}

/** A practice scenario as the rules offer it (`GET /api/scenarios`). */
export interface ScenarioChoice {
  code: string;
  name: string;
  year: number;
  totalPoints: number;
}

/**
 * The practice scenarios to choose from. A server without the scenario list (404) or a caller not
 * allowed to read it offers none rather than failing the rules page.
 */
export function useScenarioChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['scenarios', 'choices'],
    queryFn: async () => {
      try {
        return (await apiGet<{ items: ScenarioChoice[] }>('/scenarios')).items;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return [];
        throw e;
      }
    },
    staleTime: 60_000,
    enabled,
  });
}

export type CandidateParams = Omit<TCandidateListQuery, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};

export function useCandidates(contestId: string, params: CandidateParams) {
  return useQuery({
    queryKey: [...KEY, contestId, 'candidates', params],
    queryFn: () => apiGet<TCandidatePage>(`/contests/${contestId}/candidates`, { ...params }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(contestId?: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: contestId ? [...KEY, contestId] : KEY });
}

function useInvalidateAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useCreateContest() {
  const invalidate = useInvalidateAll();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (input: TContestInput) => apiPost<TContest>('/contests', input),
    onSuccess: invalidate,
  });
}

export function useUpdateContest(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (patch: TContestPatch) => apiPatch<TContest>(`/contests/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useSetStatus(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (status: TContestStatus) => apiPost<TContest>(`/contests/${id}/status`, { status }),
    onSuccess: invalidate,
  });
}

export function useBlueprintCheck(id: string) {
  return useMutation({
    mutationFn: (rules: TContestRules) => apiPost<TBlueprintCheck>(`/contests/${id}/blueprint-check`, rules),
  });
}

export function useSaveSession(contestId: string, sessionId: string | null) {
  const invalidate = useInvalidate(contestId);
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (input: TExamSessionInput) =>
      sessionId
        ? apiPatch<TExamSession>(`/contests/${contestId}/sessions/${sessionId}`, input)
        : apiPost<TExamSession>(`/contests/${contestId}/sessions`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSession(contestId: string) {
  const invalidate = useInvalidate(contestId);
  return useMutation({
    mutationFn: (sessionId: string) =>
      api(`/contests/${contestId}/sessions/${sessionId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useAssign(contestId: string) {
  const invalidate = useInvalidate(contestId);
  return useMutation({
    mutationFn: (body: { candidateIds: string[]; sessionId: string | null }) =>
      apiPost<{ count: number }>(`/contests/${contestId}/assign-session`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCandidates(contestId: string) {
  const invalidate = useInvalidate(contestId);
  return useMutation({
    mutationFn: (candidateIds: string[]) =>
      apiPost<{ count: number }>(`/contests/${contestId}/candidates/delete`, { candidateIds }),
    onSuccess: invalidate,
  });
}

export function useUpdateCandidate(contestId: string, candidateId: string) {
  const invalidate = useInvalidate(contestId);
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (patch: TCandidatePatch) =>
      apiPatch<TCandidate>(`/contests/${contestId}/candidates/${candidateId}`, patch),
    onSuccess: invalidate,
  });
}

export function useAccommodation(contestId: string, candidateId: string) {
  const invalidate = useInvalidate(contestId);
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: { extraMinutes: number; reason?: string }) =>
      apiPost<TCandidate>(`/contests/${contestId}/candidates/${candidateId}/accommodation`, body),
    onSuccess: invalidate,
  });
}

export const templateUrl = (contestId: string) => `/api/contests/${contestId}/candidates/import-template`;

export function importCandidates(contestId: string, file: File, dryRun: boolean) {
  const body = new FormData();
  body.append('file', file);
  return api<TCandidateImportResult>(`/contests/${contestId}/candidates/import`, {
    method: 'POST',
    body,
    query: { dryRun },
  });
}

/**
 * Issues passwords and saves the returned PDF. The JSON client cannot read a PDF, so this posts with
 * fetch and the same CSRF token; errors come back as the API's JSON.
 */
export async function issuePasswords(
  contestId: string,
  body: TIssuePasswordsRequest,
  csrfToken: string,
): Promise<number> {
  const res = await fetch(`/api/contests/${contestId}/passwords`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, accept: 'application/pdf' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as {
      code?: string;
      message?: string;
      details?: unknown;
    };
    throw new ApiError(
      res.status,
      data.code ?? 'http_error',
      data.message ?? `HTTP ${res.status}`,
      data.details,
    );
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'phieu-dang-nhap.pdf';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Number(res.headers.get('x-issued-count') ?? 0);
}
