import { AppError } from '../../core/shared/app-error';
import {
  addHelpSheet,
  addTableSheet,
  headerColumns,
  headerKey,
  loadWorkbook,
  newWorkbook,
  requireSheet,
  tableRows,
} from '../files/workbook';
import { MAX_IMPORT_ROWS } from '../units/units-excel';
import { CANDIDATE_COLUMNS, type RawCandidateRow } from './plan-candidate-import';

type Field = keyof typeof CANDIDATE_COLUMNS;
const SHEET = 'Thí sinh';
const FIELDS = Object.keys(CANDIDATE_COLUMNS) as Field[];
const REQUIRED: Field[] = ['fullName', 'unit'];
const WIDTHS: Record<Field, number> = {
  number: 14,
  fullName: 28,
  birthDate: 22,
  position: 26,
  unit: 36,
  level: 18,
  session: 14,
  extraMinutes: 26,
};

const FIELD_OF_HEADER = new Map<string, Field>([
  ...Object.entries(CANDIDATE_COLUMNS).map(([f, h]) => [headerKey(h), f as Field] as const),
  ['ho ten', 'fullName'],
  ['don vi', 'unit'],
  ['sbd', 'number'],
  ['cap', 'level'],
  ['thoi gian cong them', 'extraMinutes'],
]);

/** The downloadable template: the candidate sheet (with two example rows to replace) and instructions. */
export async function buildCandidateTemplate(sessionNames: string[]): Promise<Buffer> {
  const wb = newWorkbook();
  const columns = FIELDS.map((field) => ({ field, header: CANDIDATE_COLUMNS[field], width: WIDTHS[field] }));
  const ws = addTableSheet(wb, SHEET, columns);
  // Dates as text, so Excel does not turn 05/09/1975 into 9 May.
  ws.getColumn('birthDate').numFmt = '@';
  const lines: [string, string][] = [
    ['Cột', 'Cách ghi'],
    ['Số báo danh', 'Để trống để hệ thống tự cấp (TS + 2 số cuối của năm + số thứ tự, ví dụ TS26-0001)'],
    ['Họ và tên', 'Bắt buộc, ví dụ "Nguyễn Thị Thu Hà"'],
    ['Ngày sinh', 'Không bắt buộc; ghi dd/mm/yyyy, ví dụ 05/09/1975'],
    ['Chức vụ', 'Không bắt buộc, ví dụ "Phó Giám đốc", "Chủ tịch UBND phường"'],
    ['Đơn vị', 'Bắt buộc: mã hoặc tên đơn vị đúng như danh mục đơn vị (không phân biệt dấu, hoa thường)'],
    ['Cấp', 'Không bắt buộc (lấy theo đơn vị); nếu ghi phải khớp: so = sở, ban, ngành; xa = xã, phường'],
    [
      'Ca thi',
      sessionNames.length
        ? `Không bắt buộc; tên ca thi của kỳ thi: ${sessionNames.join(', ')}`
        : 'Không bắt buộc; tên một ca thi đã tạo trong kỳ thi',
    ],
    ['Thời gian cộng thêm', 'Không bắt buộc; số phút cộng thêm cho thí sinh (0–120)'],
    [
      'Lưu ý',
      'Nếu có bất kỳ dòng lỗi, không dòng nào được nhập; hệ thống liệt kê mọi dòng lỗi, cột và lý do.',
    ],
  ];
  addHelpSheet(wb, [30, 100], lines);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the candidate rows of an uploaded workbook; refuses what is not .xlsx by its content. */
export async function readCandidateRows(data: Buffer): Promise<RawCandidateRow[]> {
  const ws = requireSheet(await loadWorkbook(data), SHEET);
  const fieldByCol = headerColumns(ws.getRow(1), (h) => FIELD_OF_HEADER.get(headerKey(h)));
  const missing = REQUIRED.filter((f) => ![...fieldByCol.values()].includes(f)).map(
    (f) => CANDIDATE_COLUMNS[f],
  );
  if (missing.length > 0) {
    throw new AppError('import_invalid', `Thiếu cột: ${missing.join(', ')}. Hãy dùng tệp mẫu.`, [
      { rowNumber: 1, column: missing.join(', '), message: `Thiếu cột: ${missing.join(', ')}` },
    ]);
  }
  return tableRows(ws, FIELDS, fieldByCol, { maxRows: MAX_IMPORT_ROWS }).map((r) => ({
    rowNumber: r.rowNumber,
    ...r.text,
  }));
}
