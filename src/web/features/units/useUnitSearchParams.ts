import { useSearchParams } from 'react-router';
import { UNIT_LEVELS, type UnitLevel } from '../../../contracts/domain';
import type { UnitFilters, UnitListParams, UnitStatus } from './api';

const PAGE_SIZES = [10, 20, 50, 100];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The unit list's filters and page live in the URL, so a view can be shared, bookmarked and gone back to. */
export function useUnitSearchParams(): [
  UnitListParams,
  (filters: UnitFilters, page?: number, pageSize?: number) => void,
] {
  const [params, setParams] = useSearchParams();
  const groupNo = Number(params.get('groupNo'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const validOn = params.get('validOn');
  const current: UnitListParams = {
    q: params.get('q') || undefined,
    level: pick<UnitLevel>(params.get('level'), UNIT_LEVELS),
    groupNo: groupNo >= 1 && groupNo <= 3 ? groupNo : undefined,
    status: pick<UnitStatus>(params.get('status'), ['active', 'retired', 'all']),
    validOn: validOn && /^\d{4}-\d{2}-\d{2}$/.test(validOn) ? validOn : undefined,
    page,
    pageSize,
  };

  const update = (filters: UnitFilters, nextPage = 1, nextSize = pageSize) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    }
    if (nextPage > 1) next.set('page', String(nextPage));
    if (nextSize !== 20) next.set('pageSize', String(nextSize));
    setParams(next, { replace: true });
  };
  return [current, update];
}
