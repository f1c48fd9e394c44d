import { AppError } from '../shared/app-error';
import { dayBefore, isIsoDate } from '../shared/dates';
import type { LinkKind, UnitLevel } from './unit';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  validFrom: string;
  validTo: string | null;
}

export interface LinkPlan {
  predecessorId: string;
  successorCode: string;
  kind: LinkKind;
  effectiveDate: string;
}

export interface ReorganisationPlan {
  /** Units that end the day before the reorganisation takes effect. */
  retire: { id: string; validTo: string }[];
  links: LinkPlan[];
}

function checkSources(sources: UnitRef[], effectiveDate: string): void {
  if (!isIsoDate(effectiveDate)) throw new AppError('validation_failed', 'Ngày hiệu lực không hợp lệ');
  for (const s of sources) {
    if (s.validTo !== null && s.validTo < effectiveDate) {
      throw new AppError('unit_retired', `Đơn vị ${s.name} đã hết hiệu lực từ ${s.validTo}`);
    }
    if (s.validFrom >= effectiveDate) {
      throw new AppError('validation_failed', `Ngày hiệu lực phải sau ngày bắt đầu của ${s.name}`);
    }
  }
}

/** Plans a merger: every predecessor ends the day before `effectiveDate` and links to the new unit. */
export function planMerge(
  predecessors: UnitRef[],
  successorCode: string,
  effectiveDate: string,
): ReorganisationPlan {
  if (predecessors.length < 2)
    throw new AppError('validation_failed', 'Cần chọn ít nhất hai đơn vị để sáp nhập');
  const levels = new Set(predecessors.map((p) => p.level));
  if (levels.size > 1) throw new AppError('validation_failed', 'Các đơn vị sáp nhập phải cùng cấp');
  checkSources(predecessors, effectiveDate);
  const end = dayBefore(effectiveDate);
  return {
    retire: predecessors.map((p) => ({ id: p.id, validTo: end })),
    links: predecessors.map((p) => ({ predecessorId: p.id, successorCode, kind: 'merge', effectiveDate })),
  };
}

/** Plans a split: the unit ends the day before `effectiveDate` and links to each new unit. */
export function planSplit(
  source: UnitRef,
  successorCodes: string[],
  effectiveDate: string,
): ReorganisationPlan {
  if (successorCodes.length < 2)
    throw new AppError('validation_failed', 'Chia tách cần ít nhất hai đơn vị mới');
  if (new Set(successorCodes).size !== successorCodes.length) {
    throw new AppError('validation_failed', 'Mã các đơn vị mới không được trùng nhau');
  }
  checkSources([source], effectiveDate);
  return {
    retire: [{ id: source.id, validTo: dayBefore(effectiveDate) }],
    links: successorCodes.map((code) => ({
      predecessorId: source.id,
      successorCode: code,
      kind: 'split',
      effectiveDate,
    })),
  };
}
