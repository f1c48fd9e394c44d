import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TItemAnalysis } from '../../../../contracts/contest-results-items';
import { apiGet, apiPost } from '../../../backend/client';
import { CONTEST_RESULTS_KEY } from '../api';

export const itemsKey = (contestId: string) => [...CONTEST_RESULTS_KEY, contestId, 'items'] as const;

export function useItemAnalysis(contestId: string) {
  return useQuery({
    queryKey: itemsKey(contestId),
    queryFn: () => apiGet<TItemAnalysis>(`/contest-results/${contestId}/items`),
  });
}

export function useComputeItems(contestId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<TItemAnalysis>(`/contest-results/${contestId}/items/compute`),
    onSuccess: (data) => {
      qc.setQueryData(itemsKey(contestId), data);
      void qc.invalidateQueries({ queryKey: ['questions'] });
    },
  });
}
