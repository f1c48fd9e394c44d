import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TContestResultList,
  TContestResults,
  TDashboard,
  TUnitSummary,
} from '../../../contracts/contest-results';
import { apiGet, apiPost } from '../../backend/client';

export const CONTEST_RESULTS_KEY = ['contest-results'] as const;
const base = (contestId: string) => `/contest-results/${contestId}`;

/** Download addresses (plain GETs with the session cookie). */
export const exportUrl = (contestId: string) => `/api${base(contestId)}/export`;
export const slipUrl = (contestId: string, candidateId: string) =>
  `/api${base(contestId)}/candidates/${candidateId}/slip`;
export const slipsUrl = (contestId: string, unitId?: string) =>
  `/api${base(contestId)}/slips${unitId ? `?unitId=${unitId}` : ''}`;

export function useResultContests() {
  return useQuery({
    queryKey: [...CONTEST_RESULTS_KEY, 'contests'],
    queryFn: () => apiGet<TContestResultList>('/contest-results/contests'),
  });
}

export function useContestResults(contestId: string) {
  return useQuery({
    queryKey: [...CONTEST_RESULTS_KEY, contestId, 'results'],
    queryFn: () => apiGet<TContestResults>(base(contestId)),
  });
}

export function useUnitSummaries(contestId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CONTEST_RESULTS_KEY, contestId, 'units'],
    queryFn: () => apiGet<{ items: TUnitSummary[] }>(`${base(contestId)}/units`),
    enabled,
  });
}

export function useContestDashboard(contestId: string) {
  return useQuery({
    queryKey: [...CONTEST_RESULTS_KEY, contestId, 'dashboard'],
    queryFn: () => apiGet<TDashboard>(`${base(contestId)}/dashboard`),
  });
}

export function usePublishResults(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (showAnswers: 'none' | 'own') => apiPost(`${base(contestId)}/publish`, { showAnswers }),
    onSuccess: () => client.invalidateQueries({ queryKey: CONTEST_RESULTS_KEY }),
  });
}

export function useWithdrawResults(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => apiPost(`${base(contestId)}/withdraw`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: CONTEST_RESULTS_KEY }),
  });
}
