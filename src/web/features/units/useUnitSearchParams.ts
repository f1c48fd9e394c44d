import { UNIT_LEVELS, type UnitLevel } from '../../../contracts/domain';
import { pickParam, useListSearchParams } from '../../ui/listParams';
import type { UnitFilters, UnitListParams, UnitStatus } from './api';

function readFilters(params: URLSearchParams): UnitFilters {
  const groupNo = Number(params.get('groupNo'));
  const validOn = params.get('validOn');
  return {
    q: params.get('q') || undefined,
    level: pickParam<UnitLevel>(params.get('level'), UNIT_LEVELS),
    groupNo: groupNo >= 1 && groupNo <= 3 ? groupNo : undefined,
    status: pickParam<UnitStatus>(params.get('status'), ['active', 'retired', 'all']),
    validOn: validOn && /^\d{4}-\d{2}-\d{2}$/.test(validOn) ? validOn : undefined,
  };
}

/** The unit list's filters and page live in the URL, so a view can be shared, bookmarked and gone back to. */
export function useUnitSearchParams(): [
  UnitListParams,
  (filters: UnitFilters, page?: number, pageSize?: number) => void,
] {
  return useListSearchParams(readFilters);
}
