import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TUnit } from '../../contracts/units';
import { AppError } from '../../core/shared/app-error';
import { formatDateVn } from '../../core/shared/dates';
import type { RawUnitRow } from '../../core/units/plan-import';
import {
  addHelpSheet,
  addTableSheet,
  headerColumns,
  headerKey,
  loadWorkbook,
  newWorkbook,
  requireSheet,
  type SheetColumn,
  tableRows,
} from '../files/workbook';

export const MAX_IMPORT_ROWS = 10_000;

type Field = Exclude<keyof RawUnitRow, 'rowNumber'>;

const SHEET = 'Đơn vị';

const COLUMNS: SheetColumn<Field>[] = [
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

const HEADER_TO_FIELD = new Map(COLUMNS.map((c) => [headerKey(c.header), c.field]));

/** The downloadable import template: the unit sheet and a sheet of instructions with examples. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, SHEET, COLUMNS);
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
  addHelpSheet(wb, [28, 90], lines);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the rows of an uploaded workbook. Refuses what is not an .xlsx file by its content, not its name. */
export async function readUnitRows(data: Buffer): Promise<RawUnitRow[]> {
  const ws = requireSheet(await loadWorkbook(data), SHEET);
  const fieldByCol = headerColumns(ws.getRow(1), (h) => HEADER_TO_FIELD.get(headerKey(h)));
  const missing = COLUMNS.filter((c) => ['code', 'name', 'level', 'kind', 'validFrom'].includes(c.field))
    .filter((c) => ![...fieldByCol.values()].includes(c.field))
    .map((c) => c.header);
  if (missing.length > 0) {
    throw new AppError('import_invalid', `Thiếu cột: ${missing.join(', ')}. Hãy dùng tệp mẫu.`, [
      { rowNumber: 1, code: '', messages: [`Thiếu cột: ${missing.join(', ')}`] },
    ]);
  }
  const fields = COLUMNS.map((c) => c.field);
  return tableRows(ws, fields, fieldByCol, { maxRows: MAX_IMPORT_ROWS }).map((r) => ({
    rowNumber: r.rowNumber,
    ...r.text,
  }));
}

/** Streams the units as a workbook in the import layout (so an export can be edited and re-imported). */
export async function writeUnitsWorkbook(
  out: Writable,
  pages: AsyncIterable<TUnit[]>,
  codeById: Map<string, string>,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = addTableSheet(wb, SHEET, COLUMNS);
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
