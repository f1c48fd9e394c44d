import { useQueries } from '@tanstack/react-query';
import type { TCycleDetail } from '../../../contracts/cycles';
import type { TFrameworkDetail } from '../../../contracts/frameworks';
import { apiGet } from '../../backend/client';

export interface Pillar {
  code: string;
  name: string;
}

/** The pillars (top-level nodes) of the cycle's index sets, once each by code. */
export function usePillars(cycle: TCycleDetail): { pillars: Pillar[]; loading: boolean } {
  const results = useQueries({
    queries: cycle.frameworks.map((f) => ({
      queryKey: ['frameworks', 'detail', f.id],
      queryFn: () => apiGet<TFrameworkDetail>(`/frameworks/${f.id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const seen = new Map<string, Pillar>();
  for (const r of results) {
    for (const n of r.data?.document.nodes ?? []) {
      if (!seen.has(n.code)) seen.set(n.code, { code: n.code, name: n.name });
    }
  }
  return { pillars: [...seen.values()], loading: results.some((r) => r.isLoading) };
}
