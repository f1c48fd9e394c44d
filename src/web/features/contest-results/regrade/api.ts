import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TContestQuestionList,
  TRegradeOutcome,
  TRegradeRecord,
  TRegradeRequest,
} from '../../../../contracts/contest-results-items';
import { apiGet, apiPost } from '../../../backend/client';
import { CONTEST_RESULTS_KEY } from '../api';

const base = (contestId: string) => `/contest-results/${contestId}`;

export function useContestQuestions(contestId: string) {
  return useQuery({
    queryKey: [...CONTEST_RESULTS_KEY, contestId, 'questions'],
    queryFn: () => apiGet<TContestQuestionList>(`${base(contestId)}/questions`),
  });
}

export function useRegradeHistory(contestId: string) {
  return useQuery({
    queryKey: [...CONTEST_RESULTS_KEY, contestId, 'regrades'],
    queryFn: () => apiGet<{ items: TRegradeRecord[] }>(`${base(contestId)}/regrades`),
  });
}

/** A dry run writes nothing and refreshes nothing; a real regrade refreshes every view of the contest. */
export function useRegrade(contestId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: TRegradeRequest) => apiPost<TRegradeOutcome>(`${base(contestId)}/regrade`, req),
    onSuccess: (out) => {
      if (out.dryRun) return;
      void qc.invalidateQueries({ queryKey: [...CONTEST_RESULTS_KEY, contestId] });
      void qc.invalidateQueries({ queryKey: ['questions'] });
    },
  });
}
