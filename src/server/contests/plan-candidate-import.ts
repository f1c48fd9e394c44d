import type { TCandidateImportError } from '../../contracts/contests';
import { MAX_EXTRA_MINUTES } from '../../contracts/contests';
import { parseDate } from '../../core/shared/dates';
import { cleanText, foldVietnamese } from '../../core/shared/text';
import type { UnitLevel } from '../../core/units/unit';
import { assignNumbers } from './candidate-numbers';

/** One row of the candidate workbook, as text (see docs/formats/candidates-xlsx.md). */
export interface RawCandidateRow {
  rowNumber: number;
  number: string;
  fullName: string;
  birthDate: string;
  position: string;
  unit: string;
  level: string;
  session: string;
  extraMinutes: string;
}

/** The header of each column in the workbook, also used to name the column of an error. */
export const CANDIDATE_COLUMNS: Record<Exclude<keyof RawCandidateRow, 'rowNumber'>, string> = {
  number: 'Số báo danh',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh (dd/mm/yyyy)',
  position: 'Chức vụ',
  unit: 'Đơn vị (mã hoặc tên)',
  level: 'Cấp (so/huyen/xa)',
  session: 'Ca thi',
  extraMinutes: 'Thời gian cộng thêm (phút)',
};

export interface RegisterUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  /** In force today: a name shared by a retired and a current unit means the current one. */
  active: boolean;
}

export interface PlannedCandidate {
  rowNumber: number;
  number: string;
  fullName: string;
  birthDate: string | null;
  position: string | null;
  unitId: string;
  unitName: string;
  level: UnitLevel;
  sessionId: string | null;
  sessionName: string | null;
  extraMinutes: number;
}

export interface ImportContext {
  units: RegisterUnit[];
  sessions: { id: string; name: string }[];
  existing: { number: string; fullName: string; birthDate: string | null; unitId: string | null }[];
  numberPrefix: string;
}

export type CandidatePlan =
  | { ok: true; candidates: PlannedCandidate[] }
  | { ok: false; errors: TCandidateImportError[] };

const NUMBER_PATTERN = /^[\p{L}\p{N}._-]{1,20}$/u;

/** "sở", "Sở, ban, ngành", "so" → so; "quận"/"huyện" → huyen; "xã"/"phường"/"thị trấn" → xa. */
export function parseLevel(text: string): UnitLevel | null {
  const t = foldVietnamese(text);
  if (/^(so|ban|nganh)\b/.test(t)) return 'so';
  if (/^(huyen|quan|thi xa|thanh pho)\b/.test(t)) return 'huyen';
  if (/^(xa|phuong|thi tran)\b/.test(t)) return 'xa';
  return null;
}

const LEVEL_LABEL: Record<UnitLevel, string> = {
  so: 'sở, ban, ngành',
  huyen: 'quận, huyện',
  xa: 'xã, phường',
};

function matchUnit(text: string, units: RegisterUnit[]): RegisterUnit | string {
  const byCode = units.filter((u) => u.code.toUpperCase() === text.toUpperCase());
  if (byCode.length === 1) return byCode[0]!;
  const folded = foldVietnamese(text);
  const byName = units.filter((u) => foldVietnamese(u.name) === folded);
  const active = byName.filter((u) => u.active);
  const pick = active.length > 0 ? active : byName;
  if (pick.length === 1) return pick[0]!;
  if (pick.length > 1) {
    return `Có ${pick.length} đơn vị tên "${text}" (mã ${pick.map((u) => u.code).join(', ')}); hãy ghi mã đơn vị`;
  }
  return `Không tìm thấy đơn vị "${text}" trong danh mục đơn vị (ghi mã hoặc tên đúng như danh mục)`;
}

const personKey = (fullName: string, birthDate: string | null, unitId: string | null) =>
  `${foldVietnamese(fullName)}|${birthDate ?? ''}|${unitId ?? ''}`;

/** Checks every row of a candidate workbook and numbers the valid ones; any error rejects the whole file. */
export function planCandidateImport(rows: RawCandidateRow[], ctx: ImportContext): CandidatePlan {
  const errors: TCandidateImportError[] = [];
  const fail = (rowNumber: number, field: keyof typeof CANDIDATE_COLUMNS, message: string) =>
    errors.push({ rowNumber, column: CANDIDATE_COLUMNS[field], message });
  if (rows.length === 0) {
    return { ok: false, errors: [{ rowNumber: 0, column: '', message: 'Tệp không có dòng thí sinh nào' }] };
  }

  const takenNumbers = new Map(ctx.existing.map((e) => [e.number.toUpperCase(), e]));
  const existingPeople = new Map(ctx.existing.map((e) => [personKey(e.fullName, e.birthDate, e.unitId), e]));
  const numberRows = new Map<string, number>();
  const personRows = new Map<string, number>();
  const sessionsByName = new Map(ctx.sessions.map((s) => [foldVietnamese(s.name), s]));
  const planned: (Omit<PlannedCandidate, 'number'> & { number: string | null })[] = [];

  for (const row of rows) {
    const before = errors.length;
    const fullName = cleanText(row.fullName);
    if (!fullName) fail(row.rowNumber, 'fullName', 'Thiếu họ và tên');
    else if (fullName.length < 2 || fullName.length > 120)
      fail(row.rowNumber, 'fullName', 'Họ và tên phải có 2–120 ký tự');

    let birthDate: string | null = null;
    if (row.birthDate.trim()) {
      birthDate = parseDate(row.birthDate);
      if (!birthDate)
        fail(row.rowNumber, 'birthDate', `Ngày sinh "${row.birthDate}" không hợp lệ (ghi dd/mm/yyyy)`);
    }

    const position = cleanText(row.position) || null;
    if (position && position.length > 200)
      fail(row.rowNumber, 'position', 'Chức vụ quá dài (tối đa 200 ký tự)');

    let unit: RegisterUnit | null = null;
    const unitText = cleanText(row.unit);
    if (!unitText) fail(row.rowNumber, 'unit', 'Thiếu đơn vị');
    else {
      const found = matchUnit(unitText, ctx.units);
      if (typeof found === 'string') fail(row.rowNumber, 'unit', found);
      else unit = found;
    }

    if (row.level.trim()) {
      const level = parseLevel(row.level);
      if (!level) fail(row.rowNumber, 'level', `Cấp "${row.level}" không hợp lệ (so, huyen hoặc xa)`);
      else if (unit && level !== unit.level) {
        fail(
          row.rowNumber,
          'level',
          `Cấp "${row.level}" không khớp với đơn vị "${unit.name}" (cấp ${LEVEL_LABEL[unit.level]})`,
        );
      }
    }

    let session: { id: string; name: string } | null = null;
    if (row.session.trim()) {
      session = sessionsByName.get(foldVietnamese(row.session)) ?? null;
      if (!session) {
        const names = ctx.sessions.map((s) => `"${s.name}"`).join(', ');
        fail(
          row.rowNumber,
          'session',
          `Không có ca thi "${row.session.trim()}" trong kỳ thi${names ? ` (các ca: ${names})` : ' (kỳ thi chưa có ca thi nào)'}`,
        );
      }
    }

    let extraMinutes = 0;
    if (row.extraMinutes.trim()) {
      const n = Number(row.extraMinutes.trim().replace(',', '.'));
      if (!Number.isInteger(n) || n < 0 || n > MAX_EXTRA_MINUTES) {
        fail(
          row.rowNumber,
          'extraMinutes',
          `Thời gian cộng thêm phải là số phút nguyên từ 0 đến ${MAX_EXTRA_MINUTES}`,
        );
      } else extraMinutes = n;
    }

    const number = row.number.trim() || null;
    if (number) {
      if (!NUMBER_PATTERN.test(number)) {
        fail(row.rowNumber, 'number', 'Số báo danh chỉ gồm chữ, số, dấu chấm, gạch nối (tối đa 20 ký tự)');
      } else if (takenNumbers.has(number.toUpperCase())) {
        const other = takenNumbers.get(number.toUpperCase())!;
        fail(row.rowNumber, 'number', `Số báo danh ${number} đã được cấp cho thí sinh ${other.fullName}`);
      } else if (numberRows.has(number.toUpperCase())) {
        fail(
          row.rowNumber,
          'number',
          `Số báo danh ${number} trùng với dòng ${numberRows.get(number.toUpperCase())}`,
        );
      } else numberRows.set(number.toUpperCase(), row.rowNumber);
    }

    if (fullName && unit) {
      const key = personKey(fullName, birthDate, unit.id);
      const existing = existingPeople.get(key);
      if (existing) {
        fail(
          row.rowNumber,
          'fullName',
          `Thí sinh ${fullName} (${unit.name}) đã có trong kỳ thi, số báo danh ${existing.number}`,
        );
      } else if (personRows.has(key)) {
        fail(
          row.rowNumber,
          'fullName',
          `Thí sinh ${fullName} (${unit.name}) trùng với dòng ${personRows.get(key)}`,
        );
      } else personRows.set(key, row.rowNumber);
    }

    if (errors.length === before && unit) {
      planned.push({
        rowNumber: row.rowNumber,
        number,
        fullName,
        birthDate,
        position,
        unitId: unit.id,
        unitName: unit.name,
        level: unit.level,
        sessionId: session?.id ?? null,
        sessionName: session?.name ?? null,
        extraMinutes,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const numbers = assignNumbers(planned, takenNumbers.keys(), ctx.numberPrefix);
  return {
    ok: true,
    candidates: planned.map((p) => ({ ...p, number: p.number ?? numbers.get(p.rowNumber)! })),
  };
}
