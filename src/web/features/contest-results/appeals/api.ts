import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAppeal,
  TAppealCandidateList,
  TAppealContestList,
  TAppealDecisionRequest,
  TAppealFileRequest,
  TAppealListQuery,
  TAppealPage,
} from '../../../../contracts/contest-results-appeals';
import type {
  TAppealDecisionResult,
  TAppealDetail,
} from '../../../../contracts/contest-results-appeals-detail';
import { apiGet, apiPost } from '../../../backend/client';

const base = (contestId: string) => `/contest-results/${contestId}`;

export function useAppeals(contestId: string, params: TAppealListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['appeals', contestId, params],
    queryFn: () => apiGet<TAppealPage>(`${base(contestId)}/appeals`, { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useAppealContests() {
  return useQuery({
    queryKey: ['appeals', 'contests'],
    queryFn: () => apiGet<TAppealContestList>('/contest-results/appeal-contests'),
  });
}

export function useAppealCandidates(contestId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['appeals', contestId, 'candidates', q],
    queryFn: () => apiGet<TAppealCandidateList>(`${base(contestId)}/appeal-candidates`, { q }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAppealDetail(appealId: string | null) {
  return useQuery({
    queryKey: ['appeals', 'detail', appealId],
    queryFn: () => apiGet<TAppealDetail>(`/contest-results/appeals/${appealId}`),
    enabled: appealId !== null,
  });
}

export function useFileAppeal(contestId: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TAppealFileRequest) => apiPost<TAppeal>(`${base(contestId)}/appeals`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['appeals', contestId] }),
  });
}

export function useDecideAppeal(appealId: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TAppealDecisionRequest) =>
      apiPost<TAppealDecisionResult>(`/contest-results/appeals/${appealId}/decision`, body),
    // A score change shows in every results view, so every results query is refreshed.
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** The staff URL of one stored sandbox file (opened in a new tab). */
export const appealFileUrl = (appealId: string, fileId: string) =>
  `/api/contest-results/appeals/${appealId}/files/${fileId}`;
