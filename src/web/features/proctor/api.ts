import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TContestList } from '../../../contracts/contests';
import type {
  TAttemptEventList,
  TProctorActionResult,
  TProctorExtendRequest,
  TProctorForceSubmitRequest,
  TProctorLive,
  TProctorSessionList,
} from '../../../contracts/proctor';
import { apiGet, apiPost } from '../../backend/client';

const LIVE_MS = 5000;

export function useContests() {
  return useQuery({ queryKey: ['contests'], queryFn: () => apiGet<TContestList>('/contests') });
}

export function useProctorSessions(contestId: string | undefined) {
  return useQuery({
    queryKey: ['proctor', 'sessions', contestId],
    queryFn: () => apiGet<TProctorSessionList>(`/proctor/contests/${contestId}/sessions`),
    enabled: Boolean(contestId),
    refetchInterval: 15_000,
  });
}

export function useLiveSession(sessionId: string) {
  return useQuery({
    queryKey: ['proctor', 'live', sessionId],
    queryFn: () => apiGet<TProctorLive>(`/proctor/sessions/${sessionId}`),
    refetchInterval: LIVE_MS,
  });
}

export function useAttemptEvents(sessionId: string, candidateId: string | null) {
  return useQuery({
    queryKey: ['proctor', 'events', sessionId, candidateId],
    queryFn: () =>
      apiGet<TAttemptEventList>(`/proctor/sessions/${sessionId}/candidates/${candidateId}/events`),
    enabled: candidateId !== null,
  });
}

type Action =
  | { kind: 'prepare' | 'start' | 'pause' | 'resume' }
  | { kind: 'extend'; body: TProctorExtendRequest }
  | { kind: 'force-submit'; body: TProctorForceSubmitRequest }
  | { kind: 'allow-relogin'; candidateId: string };

/** Every proctor action on a session; the live view refreshes after each. */
export function useSessionAction(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) => {
      const base = `/proctor/sessions/${sessionId}`;
      if (a.kind === 'extend' || a.kind === 'force-submit') {
        return apiPost<TProctorActionResult>(`${base}/${a.kind}`, a.body);
      }
      if (a.kind === 'allow-relogin') {
        return apiPost<TProctorActionResult>(`${base}/candidates/${a.candidateId}/allow-relogin`);
      }
      return apiPost<TProctorActionResult>(`${base}/${a.kind}`);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proctor'] }),
  });
}
