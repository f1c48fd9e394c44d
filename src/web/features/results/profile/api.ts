import { useQuery } from '@tanstack/react-query';
import type { TTrendMethod, TUnitProfile } from '../../../../contracts/results';
import { apiGet } from '../../../backend/client';

/** `preview` (organisers: unpublished, from current entries) or a published version number. */
export type ProfileVersion = number | 'preview';

/** `?version=` of the address: a published version number, `preview`, or none (the latest published). */
export function parseVersion(raw: string | null): ProfileVersion | undefined {
  if (raw === 'preview') return 'preview';
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** `?trend=`: how a merged unit's earlier years are averaged; the plain mean unless asked otherwise. */
export function parseTrendMethod(raw: string | null): TTrendMethod {
  return raw === 'weighted' ? 'weighted' : 'mean';
}

/** One unit's results profile; switching the averaging keeps the previous figures on screen meanwhile. */
export function useUnitProfile(
  cycleId: string,
  unitId: string,
  version: ProfileVersion | undefined,
  trend: TTrendMethod,
) {
  return useQuery({
    queryKey: ['results', cycleId, 'unit', unitId, version ?? 'latest', trend],
    queryFn: () =>
      apiGet<TUnitProfile>(`/results/cycles/${cycleId}/units/${unitId}`, {
        version,
        trend: trend === 'mean' ? undefined : trend,
      }),
    // Only the averaging changed: keep this unit's figures on screen while the trend reloads.
    placeholderData: (prev, prevQuery) =>
      prevQuery?.queryKey[3] === unitId && prevQuery.queryKey[4] === (version ?? 'latest') ? prev : undefined,
  });
}

/** The address of a unit's profile, keeping the version and the averaging. */
export function profilePath(
  cycleId: string,
  unitId: string,
  opts: { version?: ProfileVersion; trend?: TTrendMethod } = {},
): string {
  const q = new URLSearchParams();
  if (opts.version !== undefined) q.set('version', String(opts.version));
  if (opts.trend && opts.trend !== 'mean') q.set('trend', opts.trend);
  const s = q.toString();
  return `/dti/results/${cycleId}/units/${unitId}${s ? `?${s}` : ''}`;
}
