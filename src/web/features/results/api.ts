import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { TCycleSummary } from '../../../contracts/cycles';
import type { TDashboard, TWhatIfInput, TWhatIfResult } from '../../../contracts/results';
import { apiGet, apiPost } from '../../backend/client';
import type { TSnapshotInfo } from '../cycles/types';

export const RESULTS_KEY = ['results'] as const;

/** `preview` (organisers: unpublished, from current entries) or a published version number. */
export type ResultsVersion = number | 'preview';

export interface DashboardParams {
  level?: string;
  group?: number;
  by: string;
  version?: ResultsVersion;
}

/** The most recent cycles, newest first: the page picks the latest one with published results. */
export function useResultCycles() {
  return useQuery({
    queryKey: [...RESULTS_KEY, 'cycles'],
    queryFn: () => apiGet<{ items: TCycleSummary[]; total: number }>('/cycles', { page: 1, pageSize: 200 }),
  });
}

/** The published versions of a cycle. */
export function useResultVersions(cycleId: string | undefined) {
  return useQuery({
    queryKey: [...RESULTS_KEY, cycleId, 'versions'],
    queryFn: () => apiGet<{ items: TSnapshotInfo[] }>(`/cycles/${cycleId}/snapshots`),
    enabled: Boolean(cycleId),
  });
}

export function useDashboard(cycleId: string | undefined, params: DashboardParams, enabled = true) {
  return useQuery({
    queryKey: [...RESULTS_KEY, cycleId, 'dashboard', params],
    queryFn: () =>
      apiGet<TDashboard>(`/results/cycles/${cycleId}/dashboard`, {
        level: params.level,
        group: params.group,
        by: params.by,
        version: params.version,
      }),
    placeholderData: keepPreviousData,
    enabled: Boolean(cycleId) && enabled,
  });
}

/** Reranks in a sandbox on the server; nothing is stored. */
export function useWhatIf(cycleId: string) {
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TWhatIfInput) => apiPost<TWhatIfResult>(`/results/cycles/${cycleId}/what-if`, body),
  });
}

const REPORT_PATHS = {
  league: 'exports/league.xlsx',
  detail: 'exports/detail.xlsx',
  report: 'report.pdf',
} as const;

/** Address of a results download (Excel league tables or indicator detail, PDF cycle report) of a version. */
export function reportUrl(cycleId: string, kind: keyof typeof REPORT_PATHS, version: ResultsVersion): string {
  return `/api/results/cycles/${cycleId}/${REPORT_PATHS[kind]}?version=${version}`;
}

/** Address of a unit's PDF scorecard for a version (none: the latest published). */
export function scorecardUrl(cycleId: string, unitId: string, version: ResultsVersion | null): string {
  const query = version === null ? '' : `?version=${version}`;
  return `/api/results/cycles/${cycleId}/units/${unitId}/scorecard.pdf${query}`;
}
