import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TUnit } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import { formatDateVn } from '../../core/shared/dates';
import { foldVietnamese } from '../../core/shared/text';
import type { RawUnitRow } from '../../core/units/plan-import';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 10_000;

type Field = Exclude<keyof RawUnitRow, 'rowNumber'>;

const COLUMNS: { field: Field; header: string; width: number }[] = [
  { field: 'code', header: 'Mã đơn vị', width: 16 },
  { field: 'name', header: 'Tên đơn vị', width: 40 },
  { field: 'level', header: 'Cấp (so/huyen/xa)', width: 18 },
  { field: 'kind', header: 'Loại', width: 12 },
  { field: 'group', header: 'Nhóm (sở: 1/2/3)', width: 16 },
  { field: 'parentCode', header: 'Mã đơn vị cấp trên', width: 20 },
  { field: 'validFrom', header: 'Hiệu lực từ (dd/mm/yyyy)', width: 24 },
  { field: 'validTo', header: 'Hiệu lực đến (dd/mm/yyyy)', width: 24 },
  { field: 'note', header: 'Ghi chú', width: 30 },
];

const HEADER_TO_FIELD = new Map(
  COLUMNS.map((c) => [foldVietnamese(c.header).replace(/\s*\(.*\)$/, ''), c.field]),
);

function addUnitSheet(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter) {
  const ws = wb.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** The downloadable import template: the unit sheet and a sheet of instructions with examples. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thước Đo';
  addUnitSheet(wb);
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 28 }, { width: 90 }];
  const lines: [string, string][] = [
    ['Cột', 'Cách ghi'],
    ['Mã đơn vị', 'Bắt buộc, duy nhất, 1–32 ký tự chữ/số/./-/_ (ví dụ CT26-001, SO-NV)'],
    ['Tên đơn vị', 'Bắt buộc, ví dụ "Phường An Bình", "Sở Nội vụ"'],
    ['Cấp', 'so = sở, ban, ngành; huyen = quận, huyện; xa = xã, phường, thị trấn'],
    ['Loại', 'so: sở, ban, ngành — huyen: quận, huyện, thị xã, thành phố — xa: phường, xã, thị trấn'],
    ['Nhóm', 'Chỉ với cấp so: 1 (CQS, KTS, XHS), 2 (chỉ CQS), 3 (CQS, không có DVCTT)'],
    [
      'Mã đơn vị cấp trên',
      'Chỉ với cấp xa: mã quận, huyện (đã có hoặc có trong cùng tệp); để trống nếu không có',
    ],
    ['Hiệu lực từ / đến', 'Ngày dd/mm/yyyy; "đến" để trống nếu còn hiệu lực'],
    ['Ví dụ', 'SO-NV | Sở Nội vụ | so | sở | 2 | | 01/07/2025 | |'],
    ['Ví dụ', 'CT26-001 | Phường An Bình | xa | phường | | | 01/07/2025 | |'],
    ['Lưu ý', 'Nếu có bất kỳ dòng lỗi, không dòng nào được nhập; hệ thống liệt kê mọi dòng lỗi và lý do.'],
  ];
  for (const l of lines) help.addRow(l);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).normalize('NFC');
}

/** An .xlsx file is a ZIP container: judged by its first bytes, never by its name. */
export const isZipFile = (data: Buffer) => data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;

/** Reads the rows of an uploaded workbook. Refuses what is not an .xlsx file by its content, not its name. */
export async function readUnitRows(data: Buffer): Promise<RawUnitRow[]> {
  if (!isZipFile(data)) {
    throw new AppError('unsupported_file_type', 'Tệp không phải bảng tính Excel (.xlsx)');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'unsupported_file_type',
      'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng',
    );
  }
  const ws = wb.getWorksheet('Đơn vị') ?? wb.worksheets[0];
  if (!ws) throw new AppError('import_invalid', 'Tệp không có trang tính nào', []);
  const fieldByCol = new Map<number, Field>();
  ws.getRow(1).eachCell((cell, col) => {
    const field = HEADER_TO_FIELD.get(foldVietnamese(cellText(cell.value)).replace(/\s*\(.*\)$/, ''));
    if (field) fieldByCol.set(col, field);
  });
  const missing = COLUMNS.filter((c) => ['code', 'name', 'level', 'kind', 'validFrom'].includes(c.field))
    .filter((c) => ![...fieldByCol.values()].includes(c.field))
    .map((c) => c.header);
  if (missing.length > 0) {
    throw new AppError('import_invalid', `Thiếu cột: ${missing.join(', ')}. Hãy dùng tệp mẫu.`, [
      { rowNumber: 1, code: '', messages: [`Thiếu cột: ${missing.join(', ')}`] },
    ]);
  }
  const rows: RawUnitRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: RawUnitRow = {
      rowNumber,
      code: '',
      name: '',
      level: '',
      kind: '',
      group: '',
      parentCode: '',
      validFrom: '',
      validTo: '',
      note: '',
    };
    for (const [col, field] of fieldByCol) raw[field] = cellText(row.getCell(col).value).trim();
    if (COLUMNS.every((c) => raw[c.field] === '')) return;
    rows.push(raw);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new AppError('import_invalid', `Tệp có quá ${MAX_IMPORT_ROWS} dòng`, []);
    }
  });
  return rows;
}

/** Streams the units as a workbook in the import layout (so an export can be edited and re-imported). */
export async function writeUnitsWorkbook(
  out: Writable,
  pages: AsyncIterable<TUnit[]>,
  codeById: Map<string, string>,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = addUnitSheet(wb);
  for await (const page of pages) {
    for (const u of page) {
      ws.addRow({
        code: u.code,
        name: u.name,
        level: u.level,
        kind: u.kind,
        group: u.groupNo ?? '',
        parentCode: u.parentId ? (codeById.get(u.parentId) ?? '') : '',
        validFrom: formatDateVn(u.validFrom),
        validTo: u.validTo ? formatDateVn(u.validTo) : '',
        note: u.note ?? '',
      }).commit();
    }
  }
  ws.commit();
  await wb.commit();
}
