import { isIsoDate } from '../shared/dates';
import { cleanText } from '../shared/text';
import { LEVEL_KINDS, SO_GROUPS, UNIT_LEVELS, type UnitInput, type UnitLevel } from './unit';

export interface FieldProblem {
  field: keyof UnitInput;
  message: string;
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Normalises the free-text fields of a unit (NFC, trimmed). */
export function normaliseUnit(input: UnitInput): UnitInput {
  return {
    ...input,
    code: input.code.trim().toUpperCase(),
    name: cleanText(input.name),
    kind: cleanText(input.kind).toLowerCase(),
    parentCode: input.parentCode ? input.parentCode.trim().toUpperCase() : null,
    note: input.note ? cleanText(input.note) || null : null,
  };
}

/** Checks one unit on its own (not against other units); returns every problem, in Vietnamese. */
export function validateUnit(u: UnitInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!CODE_PATTERN.test(u.code)) {
    problems.push({
      field: 'code',
      message: 'Mã đơn vị gồm 1–32 ký tự chữ, số, dấu chấm, gạch ngang hoặc gạch dưới',
    });
  }
  if (u.name.length < 2 || u.name.length > 200) {
    problems.push({ field: 'name', message: 'Tên đơn vị phải dài từ 2 đến 200 ký tự' });
  }
  if (!UNIT_LEVELS.includes(u.level)) {
    problems.push({ field: 'level', message: 'Cấp đơn vị phải là so, huyen hoặc xa' });
  } else {
    const kinds = LEVEL_KINDS[u.level as UnitLevel];
    if (!kinds.includes(u.kind)) {
      problems.push({
        field: 'kind',
        message: `Loại đơn vị của cấp này phải là một trong: ${kinds.join(', ')}`,
      });
    }
    if (u.level === 'so' && (u.groupNo === null || !SO_GROUPS.includes(u.groupNo as 1 | 2 | 3))) {
      problems.push({ field: 'groupNo', message: 'Sở, ban, ngành phải thuộc nhóm 1, 2 hoặc 3' });
    }
    if (u.level !== 'so' && u.groupNo !== null) {
      problems.push({ field: 'groupNo', message: 'Chỉ sở, ban, ngành mới có nhóm' });
    }
    if (u.level !== 'xa' && u.parentCode) {
      problems.push({
        field: 'parentCode',
        message: 'Chỉ xã, phường, thị trấn mới có đơn vị cấp trên (quận, huyện)',
      });
    }
  }
  if (u.parentCode && u.parentCode === u.code) {
    problems.push({ field: 'parentCode', message: 'Đơn vị không thể là cấp trên của chính nó' });
  }
  if (!isIsoDate(u.validFrom)) {
    problems.push({ field: 'validFrom', message: 'Ngày hiệu lực không hợp lệ (dd/mm/yyyy)' });
  }
  if (u.validTo !== null) {
    if (!isIsoDate(u.validTo)) {
      problems.push({ field: 'validTo', message: 'Ngày hết hiệu lực không hợp lệ (dd/mm/yyyy)' });
    } else if (isIsoDate(u.validFrom) && u.validTo < u.validFrom) {
      problems.push({ field: 'validTo', message: 'Ngày hết hiệu lực phải sau ngày hiệu lực' });
    }
  }
  if (u.note && u.note.length > 1000) {
    problems.push({ field: 'note', message: 'Ghi chú dài quá 1000 ký tự' });
  }
  return problems;
}
