import type { Dayjs } from 'dayjs';
import type { UnitLevel } from '../../../../contracts/domain';
import type { TMergeRequest, TSplitRequest } from '../../../../contracts/units';
import { toIso } from '../../../ui/dates';

export type ReorgMode = 'merge' | 'split';

export interface NewUnitValues {
  code?: string;
  name?: string;
  level?: UnitLevel;
  kind?: string;
  groupNo?: number | null;
  parentId?: string | null;
  note?: string | null;
}

/** Everything the wizard collects, across all its steps. */
export interface ReorgValues {
  predecessorIds?: string[];
  sourceId?: string | null;
  successor?: NewUnitValues;
  successors?: NewUnitValues[];
  effectiveDate?: Dayjs | null;
}

type NewUnit = TMergeRequest['successor'];

export function toNewUnit(v: NewUnitValues | undefined): NewUnit {
  const level = v?.level ?? 'xa';
  return {
    code: v?.code?.trim() ?? '',
    name: v?.name?.trim() ?? '',
    level,
    kind: v?.kind ?? '',
    groupNo: level === 'so' ? (v?.groupNo ?? null) : null,
    parentId: level === 'xa' ? (v?.parentId ?? null) : null,
    note: v?.note?.trim() || null,
  };
}

export function toMergeRequest(v: ReorgValues): TMergeRequest {
  return {
    predecessorIds: v.predecessorIds ?? [],
    effectiveDate: toIso(v.effectiveDate) ?? '',
    successor: toNewUnit(v.successor),
  };
}

export function toSplitRequest(v: ReorgValues): TSplitRequest {
  return { effectiveDate: toIso(v.effectiveDate) ?? '', successors: (v.successors ?? []).map(toNewUnit) };
}
