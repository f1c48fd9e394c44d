import type ExcelJS from 'exceljs';
import { type Band, FRAMEWORK_LEVELS, type Framework, type FrameworkLevel } from '../../core/framework/model';
import { foldVietnamese } from '../../core/shared/text';
import { cellText } from '../files/workbook';
import { formatYesNoCell, parseCoded, parseYesNoCell } from './cell-formats';
import { type FileIssue, NUMBER_HINT, parseLooseNumber } from './file-issues';

export const INFO_SHEET = 'Thông tin';

/** The set-level fields of the workbook: one "Trường | Giá trị | …" row each; lists repeat their key. */
const KEYS = {
  formatVersion: 'Phiên bản định dạng',
  code: 'Mã bộ chỉ số',
  name: 'Tên bộ chỉ số',
  year: 'Năm đánh giá',
  level: 'Cấp đơn vị',
  nominalMax: 'Tổng điểm tối đa',
  illustrative: 'Mẫu minh họa',
  source: 'Căn cứ',
  notApplicable: 'Khi có chỉ số không áp dụng',
  missing: 'Khi thiếu số liệu',
  decimals: 'Số chữ số thập phân của điểm chỉ số',
  roundingMode: 'Cách làm tròn',
  group: 'Nhóm đơn vị',
  band: 'Xếp loại',
  rename: 'Đổi mã',
} as const;
type Key = keyof typeof KEYS;

const LEVELS: Record<FrameworkLevel, string> = {
  tinh: 'Tỉnh, thành phố trực thuộc trung ương',
  so: 'Sở, ban, ngành',
  huyen: 'Quận, huyện',
  xa: 'Xã, phường',
};
const NOT_APPLICABLE = {
  rescale: 'Quy đổi về tổng điểm tối đa',
  rank_separately: 'Xếp hạng riêng theo phạm vi đánh giá',
} as const;
const MISSING = { zero: 'Tính 0 điểm', not_applicable: 'Coi là không áp dụng' } as const;
const ROUNDING = {
  half_up: 'Làm tròn nửa lên',
  half_even: 'Làm tròn nửa về số chẵn',
  none: 'Không làm tròn',
} as const;

const coded = (labels: Record<string, string>, code: string) => `${labels[code]} (${code})`;
/** The validation path (`$field`) an issue about each key carries. */
const PATH_OF: Record<Key, string> = {
  formatVersion: '$formatVersion',
  code: '$code',
  name: '$name',
  year: '$year',
  level: '$level',
  nominalMax: '$nominalMax',
  illustrative: '$illustrative',
  source: '$source',
  notApplicable: '$policy',
  missing: '$policy',
  decimals: '$policy',
  roundingMode: '$policy',
  group: '$groups',
  band: '$policy',
  rename: '$renamedFrom',
};

const KEY_BY_FOLD = new Map(Object.entries(KEYS).map(([k, label]) => [foldVietnamese(label), k as Key]));

/** Writes the "Thông tin" sheet: metadata, policy, groups, bands and renamed codes. */
export function addInfoSheet(wb: ExcelJS.Workbook, f: Framework): void {
  const ws = wb.addWorksheet(INFO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 34 }, { width: 60 }, { width: 40 }, { width: 14 }];
  const header = ws.addRow(['Trường', 'Giá trị', 'Giá trị (tiếp)', 'Giá trị (tiếp)']);
  header.font = { bold: true };
  const add = (key: Key, ...values: (string | number)[]) => {
    const row = ws.addRow([KEYS[key], ...values]);
    row.alignment = { vertical: 'top', wrapText: true };
  };
  add('formatVersion', f.formatVersion);
  add('code', f.code);
  add('name', f.name);
  add('year', f.year);
  add('level', coded(LEVELS, f.level));
  add('nominalMax', f.nominalMax);
  add('illustrative', formatYesNoCell(f.illustrative));
  if (f.source !== undefined) add('source', f.source);
  add('notApplicable', coded(NOT_APPLICABLE, f.policy.notApplicable));
  add('missing', coded(MISSING, f.policy.missing));
  add('decimals', f.policy.rounding.decimals);
  add('roundingMode', coded(ROUNDING, f.policy.rounding.mode));
  for (const g of f.groups ?? []) add('group', g.no, g.name);
  for (const b of f.policy.bands) add('band', b.code, b.label, b.minValue);
  for (const [from, to] of Object.entries(f.renamedFrom ?? {})) add('rename', from, to);
  ws.getColumn(1).font = { bold: true };
}

/** The set-level fields read back, or the problems found; `rowOf` locates a `$field` issue. */
export interface InfoRead {
  meta: Omit<Framework, 'nodes'>;
  rowOf: Map<string, number>;
}

export function readInfoSheet(ws: ExcelJS.Worksheet, issues: FileIssue[]): InfoRead | null {
  const found = new Map<Key, { row: number; values: ExcelJS.CellValue[] }[]>();
  const rowOf = new Map<string, number>();
  const problem = (row: number, column: string, message: string) =>
    issues.push({ sheet: INFO_SHEET, row, column, message });
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const label = cellText(row.getCell(1).value).trim();
    if (label === '') return;
    const key = KEY_BY_FOLD.get(foldVietnamese(label));
    if (!key) {
      problem(rowNumber, 'Trường', `Trường "${label}" không có trong mẫu`);
      return;
    }
    const values = [2, 3, 4].map((c) => row.getCell(c).value);
    const list = found.get(key) ?? [];
    if (list.length > 0 && !['group', 'band', 'rename'].includes(key)) {
      problem(rowNumber, 'Trường', `Trường "${label}" ghi hai lần`);
    }
    list.push({ row: rowNumber, values });
    found.set(key, list);
    if (!rowOf.has(PATH_OF[key])) rowOf.set(PATH_OF[key], rowNumber);
  });
  const before = issues.length;
  const one = (key: Key, required = true): { row: number; text: string; raw: ExcelJS.CellValue } | null => {
    const hit = found.get(key)?.[0];
    const text = hit ? cellText(hit.values[0]).trim() : '';
    if (!hit || text === '') {
      if (required) problem(hit?.row ?? 0, 'Giá trị', `Thiếu "${KEYS[key]}"`);
      return null;
    }
    return { row: hit.row, text, raw: hit.values[0] };
  };
  const num = (key: Key): number | undefined => {
    const v = one(key);
    if (!v) return undefined;
    const n = parseLooseNumber(typeof v.raw === 'number' ? v.raw : v.text);
    if (n === null) problem(v.row, 'Giá trị', `"${KEYS[key]}" phải là số (${NUMBER_HINT})`);
    return n ?? undefined;
  };
  const pick = <T extends string>(key: Key, labels: Record<T, string>): T | undefined => {
    const v = one(key);
    if (!v) return undefined;
    const code = parseCoded(v.text, labels);
    if (!code) {
      const allowed = Object.keys(labels).join(', ');
      problem(v.row, 'Giá trị', `"${v.text}" không hợp lệ cho "${KEYS[key]}" (chọn một trong: ${allowed})`);
    }
    return code ?? undefined;
  };

  const formatVersion = num('formatVersion');
  if (formatVersion !== undefined && formatVersion !== 1) {
    problem(found.get('formatVersion')![0]!.row, 'Giá trị', 'Phiên bản định dạng phải là 1');
  }
  const code = one('code')?.text;
  const name = one('name')?.text;
  const year = num('year');
  const level = pick('level', LEVELS);
  const nominalMax = num('nominalMax');
  const illustrativeCell = one('illustrative');
  let illustrative: boolean | undefined;
  if (illustrativeCell) {
    const r = parseYesNoCell(illustrativeCell.text);
    if ('error' in r || r.value === undefined) {
      problem(illustrativeCell.row, 'Giá trị', `"${KEYS.illustrative}": ghi "Có" hoặc "Không"`);
    } else illustrative = r.value;
  }
  const source = one('source', false)?.text;
  const notApplicable = pick('notApplicable', NOT_APPLICABLE);
  const missing = pick('missing', MISSING);
  const decimals = num('decimals');
  const mode = pick('roundingMode', ROUNDING);

  const groups = (found.get('group') ?? []).map(({ row, values }) => {
    const no = parseLooseNumber(typeof values[0] === 'number' ? values[0] : cellText(values[0]));
    const groupName = cellText(values[1]).trim();
    if (no === null || !Number.isInteger(no)) problem(row, 'Giá trị', 'Số nhóm phải là số nguyên');
    if (groupName === '') problem(row, 'Giá trị (tiếp)', 'Nhập tên nhóm');
    return { no: no ?? 0, name: groupName };
  });
  const bands: Band[] = (found.get('band') ?? []).map(({ row, values }) => {
    const minValue = parseLooseNumber(typeof values[2] === 'number' ? values[2] : cellText(values[2]));
    if (minValue === null)
      problem(row, 'Giá trị (tiếp)', `Ngưỡng xếp loại phải là số từ 0 đến 1 (${NUMBER_HINT})`);
    return { code: cellText(values[0]).trim(), label: cellText(values[1]).trim(), minValue: minValue ?? 0 };
  });
  const renamedFrom: Record<string, string> = {};
  for (const { row, values } of found.get('rename') ?? []) {
    const from = cellText(values[0]).trim();
    const to = cellText(values[1]).trim();
    if (!from || !to) problem(row, 'Giá trị', 'Ghi mã cũ và mã mới');
    else if (from in renamedFrom) problem(row, 'Giá trị', `Mã cũ "${from}" ghi hai lần`);
    else renamedFrom[from] = to;
  }
  if (issues.length > before) return null;

  const meta: Omit<Framework, 'nodes'> = {
    formatVersion: 1,
    code: code!,
    name: name!,
    year: year!,
    level: level!,
    nominalMax: nominalMax!,
    illustrative: illustrative!,
    ...(source !== undefined ? { source } : {}),
    ...(groups.length > 0 ? { groups } : {}),
    policy: {
      notApplicable: notApplicable!,
      missing: missing!,
      rounding: { decimals: decimals!, mode: mode! },
      bands,
    },
    ...(Object.keys(renamedFrom).length > 0 ? { renamedFrom } : {}),
  };
  if (!FRAMEWORK_LEVELS.includes(meta.level)) return null;
  return { meta, rowOf };
}
