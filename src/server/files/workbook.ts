import ExcelJS from 'exceljs';
import { AppError } from '../../core/shared/app-error';
import { foldVietnamese } from '../../core/shared/text';
import { assertFileSize } from './file-size';
import { assertSafeZip } from './zip-guard';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** One column of a table sheet: the field it holds, its header and its width in characters. */
export interface SheetColumn<F extends string> {
  field: F;
  header: string;
  width: number;
}

/** A new workbook signed by the product. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thước Đo';
  return wb;
}

/** A table sheet with a bold header row that stays in view while scrolling. */
export function addTableSheet<F extends string>(wb: AnyWorkbook, name: string, columns: SheetColumn<F>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** The "Hướng dẫn" sheet of a template: two columns, the first line as a bold header. */
export function addHelpSheet(wb: ExcelJS.Workbook, widths: [number, number], lines: [string, string][]) {
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = widths.map((width) => ({ width }));
  for (const l of lines) help.addRow(l);
  help.getRow(1).font = { bold: true };
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

/**
 * Opens an uploaded workbook, refusing what is not an .xlsx file by its content, not its name. With
 * `maxBytes`, an oversized file is refused before any parsing. ExcelJS inflates every part in memory
 * at once, so a ZIP bomb or a part with entity declarations is refused before it sees the file.
 */
export async function loadWorkbook(
  data: Buffer,
  limits: { maxBytes?: number } = {},
): Promise<ExcelJS.Workbook> {
  if (limits.maxBytes !== undefined) assertFileSize(data, 'Tệp Excel', limits.maxBytes);
  if (!isZipFile(data)) throw new AppError('unsupported_file_type', 'Tệp không phải bảng tính Excel (.xlsx)');
  await assertSafeZip(data, 'tệp Excel (.xlsx)');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'unsupported_file_type',
      'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng',
    );
  }
  return wb;
}

/** The sheet of that name, else the first: people rename sheets, and a one-sheet file is unambiguous. */
export function sheetOrFirst(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(name) ?? wb.worksheets[0];
}

/** As `sheetOrFirst`, refusing a workbook without sheets. */
export function requireSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = sheetOrFirst(wb, name);
  if (!ws) throw new AppError('import_invalid', 'Tệp không có trang tính nào', []);
  return ws;
}

/** A header matched without diacritics, case or the hint in brackets ("Cấp (so/huyen/xa)" → "cap"). */
export const headerKey = (text: string) => foldVietnamese(text).replace(/\s*\(.*\)$/, '');

/** The columns of a header row whose text names a field. */
export function headerColumns<F>(
  row: ExcelJS.Row,
  fieldOf: (header: string) => F | undefined,
): Map<number, F> {
  const fieldByCol = new Map<number, F>();
  row.eachCell((cell, col) => {
    const field = fieldOf(cellText(cell.value));
    if (field !== undefined) fieldByCol.set(col, field);
  });
  return fieldByCol;
}

/** One data row: the trimmed text of every field ('' where the sheet has no such column) and raw values. */
export interface TableRow<F extends string> {
  rowNumber: number;
  text: Record<F, string>;
  values: Partial<Record<F, ExcelJS.CellValue>>;
}

export interface TableRowsOptions<F extends string> {
  /** The header's row number; data starts below it. */
  headerRow?: number;
  /** Fields whose text alone does not make a row worth reading (e.g. a running number). */
  ignoreWhenBlank?: F[];
  /** More non-blank rows than this refuses the whole file. */
  maxRows?: number;
}

/** The non-blank rows below the header of a table sheet, in order. */
export function tableRows<F extends string>(
  ws: ExcelJS.Worksheet,
  fields: readonly F[],
  fieldByCol: Map<number, F>,
  options: TableRowsOptions<F> = {},
): TableRow<F>[] {
  const { headerRow = 1, ignoreWhenBlank = [], maxRows } = options;
  const rows: TableRow<F>[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const text = Object.fromEntries(fields.map((f) => [f, ''])) as Record<F, string>;
    const values: TableRow<F>['values'] = {};
    for (const [col, field] of fieldByCol) {
      values[field] = row.getCell(col).value;
      text[field] = cellText(values[field]).trim();
    }
    if (fields.every((f) => text[f] === '' || ignoreWhenBlank.includes(f))) return;
    rows.push({ rowNumber, text, values });
    if (maxRows !== undefined && rows.length > maxRows) {
      throw new AppError('import_invalid', `Tệp có quá ${maxRows} dòng`, []);
    }
  });
  return rows;
}
