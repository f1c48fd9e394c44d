import { parseDate } from '../shared/dates';
import type { UnitInput, UnitLevel } from './unit';
import { normaliseUnit, validateUnit } from './validate-unit';

/** A spreadsheet row as read, before any checking: every cell as text. */
export interface RawUnitRow {
  rowNumber: number;
  code: string;
  name: string;
  level: string;
  kind: string;
  group: string;
  parentCode: string;
  validFrom: string;
  validTo: string;
  note: string;
}

export interface RowError {
  rowNumber: number;
  code: string;
  messages: string[];
}

export interface ExistingUnitRef {
  code: string;
  level: UnitLevel;
}

export type ImportPlan = { ok: true; units: UnitInput[] } | { ok: false; errors: RowError[] };

const LEVEL_WORDS: Record<string, UnitLevel> = {
  so: 'so',
  sở: 'so',
  'sở, ban, ngành': 'so',
  huyen: 'huyen',
  huyện: 'huyen',
  'quận, huyện': 'huyen',
  xa: 'xa',
  xã: 'xa',
  'xã, phường, thị trấn': 'xa',
};

function toLevel(text: string): UnitLevel | null {
  return LEVEL_WORDS[text.trim().toLowerCase().normalize('NFC')] ?? null;
}

/**
 * Checks every row of an import against the others and the units already registered.
 * All-or-nothing: any problem in any row rejects the whole file, and every bad row is listed.
 */
export function planUnitImport(rows: RawUnitRow[], existing: ExistingUnitRef[]): ImportPlan {
  const errors: RowError[] = [];
  const units: UnitInput[] = [];
  const existingByCode = new Map(existing.map((u) => [u.code.toUpperCase(), u]));
  const fileLevels = new Map<string, UnitLevel | null>();
  const seen = new Map<string, number>();

  for (const row of rows) fileLevels.set(row.code.trim().toUpperCase(), toLevel(row.level));

  if (rows.length === 0) {
    return { ok: false, errors: [{ rowNumber: 0, code: '', messages: ['Tệp không có dòng dữ liệu nào'] }] };
  }

  for (const row of rows) {
    const messages: string[] = [];
    const level = toLevel(row.level);
    if (!level) messages.push(`Cấp "${row.level}" không hợp lệ (so, huyen hoặc xa)`);
    const validFrom = parseDate(row.validFrom);
    if (!validFrom) messages.push(`Ngày hiệu lực "${row.validFrom}" không hợp lệ (dd/mm/yyyy)`);
    const validTo = row.validTo.trim() ? parseDate(row.validTo) : null;
    if (row.validTo.trim() && !validTo)
      messages.push(`Ngày hết hiệu lực "${row.validTo}" không hợp lệ (dd/mm/yyyy)`);
    const groupText = row.group.trim();
    const groupNo = groupText === '' ? null : Number(groupText);
    if (groupText !== '' && !Number.isInteger(groupNo))
      messages.push(`Nhóm "${row.group}" phải là số 1, 2 hoặc 3`);

    const unit = normaliseUnit({
      code: row.code,
      name: row.name,
      level: level ?? 'xa',
      kind: row.kind,
      groupNo: Number.isInteger(groupNo) ? groupNo : null,
      parentCode: row.parentCode.trim() || null,
      validFrom: validFrom ?? '0000-00-00',
      validTo,
      note: row.note.trim() || null,
    });
    for (const p of validateUnit(unit)) {
      const dateProblem = p.field === 'validFrom' || p.field === 'validTo';
      const levelProblem =
        (p.field === 'kind' || p.field === 'groupNo' || p.field === 'parentCode') && !level;
      if (!(dateProblem && messages.some((m) => m.startsWith('Ngày'))) && !levelProblem)
        messages.push(p.message);
    }

    const firstRow = seen.get(unit.code);
    if (firstRow !== undefined) messages.push(`Mã ${unit.code} trùng với dòng ${firstRow}`);
    else seen.set(unit.code, row.rowNumber);
    if (existingByCode.has(unit.code)) messages.push(`Mã ${unit.code} đã có trong danh mục`);

    if (unit.parentCode && unit.level === 'xa') {
      const parentLevel = existingByCode.get(unit.parentCode)?.level ?? fileLevels.get(unit.parentCode);
      if (parentLevel === undefined) messages.push(`Không tìm thấy đơn vị cấp trên có mã ${unit.parentCode}`);
      else if (parentLevel !== 'huyen')
        messages.push(`Đơn vị cấp trên ${unit.parentCode} không phải quận, huyện`);
    }

    if (messages.length > 0) errors.push({ rowNumber: row.rowNumber, code: row.code.trim(), messages });
    else units.push(unit);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, units };
}
