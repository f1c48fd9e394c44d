import type ExcelJS from 'exceljs';
import type { Framework } from '../../core/framework/model';
import { AppError } from '../../core/shared/app-error';
import { foldVietnamese } from '../../core/shared/text';
import { assertFileSize } from '../files/file-size';
import { cellText, isZipFile, loadWorkbook, sheetOrFirst } from '../files/workbook';
import { parseCsv } from './csv';
import { type FileIssue, fileInvalid } from './file-issues';
import { parseJsonText } from './framework-json';
import {
  assembleScoreData,
  NOT_APPLICABLE_VALUE,
  type RawEntry,
  type RawUnit,
  type ScoreDataUnit,
  type Where,
} from './score-data';

export const DATA_SHEET = 'Số liệu';
export const MAX_DATA_ROWS = 200_000;

/** Long-form columns: one row per input field of one indicator of one unit. */
const LONG_COLUMNS = [
  'unit_code',
  'unit_name',
  'level',
  'group',
  'indicator',
  'field',
  'value',
  'reason',
] as const;
type LongColumn = (typeof LONG_COLUMNS)[number];
const REQUIRED: LongColumn[] = ['unit_code', 'indicator', 'value'];
const ALIASES: Record<string, LongColumn> = {
  ma_don_vi: 'unit_code',
  ten_don_vi: 'unit_name',
  cap: 'level',
  nhom: 'group',
  chi_so: 'indicator',
  ma_chi_so: 'indicator',
  truong: 'field',
  gia_tri: 'value',
  ly_do: 'reason',
};

export type DataFileKind = 'json' | 'csv' | 'xlsx';

/** The data file's kind, judged by its content (ZIP → xlsx, a leading "{" → JSON, otherwise CSV). */
export function detectDataKind(data: Buffer): DataFileKind {
  if (isZipFile(data)) return 'xlsx';
  const start = data
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('{') ? 'json' : 'csv';
}

/** Reads a scoring data file (JSON, CSV or XLSX) for an index set; refuses it whole on any error. */
export async function readScoreData(f: Framework, data: Buffer): Promise<ScoreDataUnit[]> {
  assertFileSize(data, 'Tệp số liệu');
  const kind = detectDataKind(data);
  if (kind === 'json') return readJsonData(f, data);
  const rows = kind === 'csv' ? csvRows(data) : await xlsxRows(data);
  return fromLongRows(f, rows.sheet, rows.rows);
}

interface SheetRows {
  sheet: string;
  /** Header row first; each row with its 1-based number in the file. */
  rows: { row: number; cells: unknown[] }[];
}

function csvRows(data: Buffer): SheetRows {
  const text = data.toString('utf8');
  if (text.includes('\u0000'))
    throw new AppError('unsupported_file_type', 'Tệp không phải CSV, JSON hay Excel (.xlsx)');
  const parsed = parseCsv(text);
  if ('error' in parsed) {
    throw fileInvalid('Tệp CSV', [{ sheet: 'CSV', row: parsed.row, column: '', message: parsed.error }]);
  }
  return { sheet: 'CSV', rows: parsed.rows.map((cells, i) => ({ row: i + 1, cells })) };
}

async function xlsxRows(data: Buffer): Promise<SheetRows> {
  const ws = sheetOrFirst(await loadWorkbook(data), DATA_SHEET);
  if (!ws)
    throw fileInvalid('Tệp Excel', [
      { sheet: DATA_SHEET, row: 0, column: '', message: 'Tệp không có trang tính' },
    ]);
  const rows: SheetRows['rows'] = [];
  ws.eachRow((row, rowNumber) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => {
      if (typeof v === 'number' || typeof v === 'boolean') return v;
      if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
      return cellText(v ?? null);
    });
    rows.push({ row: rowNumber, cells });
  });
  return { sheet: ws.name, rows };
}

function fromLongRows(f: Framework, sheet: string, rows: SheetRows['rows']): Promise<ScoreDataUnit[]> {
  const header = rows[0];
  if (!header) throw fileInvalid('Tệp số liệu', [{ sheet, row: 0, column: '', message: 'Tệp trống' }]);
  if (rows.length - 1 > MAX_DATA_ROWS) {
    throw fileInvalid('Tệp số liệu', [
      { sheet, row: 0, column: '', message: `Tệp có quá ${MAX_DATA_ROWS} dòng` },
    ]);
  }
  const colOf = new Map<LongColumn, number>();
  header.cells.forEach((c, i) => {
    const name = foldVietnamese(String(c ?? '')).replace(/\s+/g, '_');
    const column = (LONG_COLUMNS as readonly string[]).includes(name) ? (name as LongColumn) : ALIASES[name];
    if (column && !colOf.has(column)) colOf.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !colOf.has(c));
  if (missing.length > 0) {
    throw fileInvalid('Tệp số liệu', [
      {
        sheet,
        row: header.row,
        column: '',
        message: `Thiếu cột: ${missing.join(', ')} (xem docs/formats/score-data.md)`,
      },
    ]);
  }
  const issues: FileIssue[] = [];
  const units = new Map<string, RawUnit>();
  const entries: RawEntry[] = [];
  for (const { row, cells } of rows.slice(1)) {
    const get = (c: LongColumn) => (colOf.has(c) ? cells[colOf.get(c)!] : undefined);
    const text = (c: LongColumn) => {
      const v = get(c);
      return v === undefined || v === null ? '' : String(v).trim();
    };
    if (LONG_COLUMNS.every((c) => text(c) === '')) continue;
    const where = (c: LongColumn): Where => ({ sheet, row, column: c });
    const code = text('unit_code');
    if (code === '') {
      issues.push({ ...where('unit_code'), message: 'Thiếu mã đơn vị' });
      continue;
    }
    const unit: RawUnit = {
      code,
      name: text('unit_name'),
      level: text('level') || f.level,
      group: get('group') ?? null,
      where: where('unit_code'),
    };
    const known = units.get(code);
    if (!known) units.set(code, unit);
    else {
      for (const c of ['unit_name', 'level', 'group'] as const) {
        const a = c === 'unit_name' ? known.name : c === 'level' ? known.level : String(known.group ?? '');
        const b = c === 'unit_name' ? unit.name : c === 'level' ? unit.level : String(unit.group ?? '');
        if (a.trim() !== b.trim() && b.trim() !== '') {
          issues.push({
            ...where(c),
            message: `Khác với dòng ${known.where.row} của cùng đơn vị ${code} ("${a}")`,
          });
        }
      }
    }
    const indicator = text('indicator');
    if (indicator === '') {
      issues.push({ ...where('indicator'), message: 'Thiếu mã chỉ số' });
      continue;
    }
    const value = get('value');
    const notApplicable = typeof value === 'string' && value.trim().toUpperCase() === NOT_APPLICABLE_VALUE;
    const field = text('field');
    if (!notApplicable && field === '') {
      issues.push({ ...where('field'), message: 'Thiếu tên trường (a, b, value, yes, option, points…)' });
      continue;
    }
    entries.push({
      unitCode: code,
      indicator,
      field: notApplicable ? '' : field,
      value,
      reason: text('reason') || undefined,
      where: where(notApplicable ? 'value' : field === '' ? 'field' : 'value'),
    });
  }
  if (issues.length > 0) throw fileInvalid('Tệp số liệu', issues);
  return Promise.resolve(assembleScoreData(f, [...units.values()], entries));
}

/** JSON form: { "units": [ { code, name, level, group, inputs: { indicator: { field: value } } } ] }. */
function readJsonData(f: Framework, data: Buffer): ScoreDataUnit[] {
  const parsed = parseJsonText(data.toString('utf8'), 'JSON');
  if ('issue' in parsed) throw fileInvalid('Tệp số liệu', [parsed.issue]);
  const doc = parsed.value as { units?: unknown };
  const at = (column: string): Where => ({ sheet: 'JSON', row: 0, column });
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.units)) {
    throw fileInvalid('Tệp số liệu', [{ ...at('units'), message: 'Cần một đối tượng {"units": [ … ]}' }]);
  }
  if (doc.units.length > MAX_DATA_ROWS) {
    throw fileInvalid('Tệp số liệu', [{ ...at('units'), message: `Quá ${MAX_DATA_ROWS} đơn vị` }]);
  }
  const issues: FileIssue[] = [];
  const units: RawUnit[] = [];
  const entries: RawEntry[] = [];
  doc.units.forEach((raw, i) => {
    const u = raw as Record<string, unknown>;
    const path = `units[${i}]`;
    if (!u || typeof u !== 'object') {
      issues.push({ ...at(path), message: 'Mỗi đơn vị là một đối tượng {code, name, level, group, inputs}' });
      return;
    }
    const code = typeof u.code === 'string' ? u.code.trim() : '';
    units.push({
      code,
      name: typeof u.name === 'string' ? u.name : '',
      level: typeof u.level === 'string' ? u.level : f.level,
      group: u.group ?? null,
      where: at(`${path}.code`),
    });
    const inputs = u.inputs ?? {};
    if (typeof inputs !== 'object' || Array.isArray(inputs)) {
      issues.push({
        ...at(`${path}.inputs`),
        message: 'inputs phải là đối tượng {mã chỉ số: {trường: giá trị}}',
      });
      return;
    }
    for (const [indicator, entry] of Object.entries(inputs as Record<string, unknown>)) {
      const p = `${path}.inputs.${indicator}`;
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        issues.push({ ...at(p), message: 'Số liệu của một chỉ số là một đối tượng {trường: giá trị}' });
        continue;
      }
      const e = entry as Record<string, unknown>;
      if (e.notApplicable === true) {
        const reason = typeof e.reason === 'string' ? e.reason : undefined;
        entries.push({
          unitCode: code,
          indicator,
          field: '',
          value: NOT_APPLICABLE_VALUE,
          reason,
          where: at(p),
        });
        continue;
      }
      for (const [field, value] of Object.entries(e)) {
        entries.push({ unitCode: code, indicator, field, value, where: at(`${p}.${field}`) });
      }
    }
  });
  if (issues.length > 0) throw fileInvalid('Tệp số liệu', issues);
  return assembleScoreData(f, units, entries);
}
