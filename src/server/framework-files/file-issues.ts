import { AppError } from '../../core/shared/app-error';

/** One problem found in an uploaded file, located as precisely as the file allows. */
export interface FileIssue {
  /** Sheet name (Excel) or file kind ("JSON", "CSV"). */
  sheet: string;
  /** 1-based row (Excel, CSV) or line; 0 when the problem concerns the whole file. */
  row: number;
  /** Column header, field name or JSON path; '' when not tied to one. */
  column: string;
  message: string;
}

/** "Trang 'Chỉ số', dòng 5, cột Điểm tối đa: …" — how an issue reads in a message or a terminal. */
export function describeIssue(i: FileIssue): string {
  const where = [
    i.sheet ? `${i.sheet}` : '',
    i.row > 0 ? `dòng ${i.row}` : '',
    i.column ? `cột ${i.column}` : '',
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${i.message}` : i.message;
}

/** The all-or-nothing refusal: nothing was read, every issue is listed. */
export function fileInvalid(what: string, issues: FileIssue[]): AppError {
  return new AppError(
    'import_invalid',
    `${what} có ${issues.length} lỗi; không có gì được nhập. Sửa các lỗi dưới đây rồi nhập lại.`,
    issues,
  );
}

export { assertFileSize, MAX_FILE_BYTES } from '../files/file-size';

/**
 * Reads a number written by a person: a number cell, or text with a decimal comma ("2,5") or point
 * ("2.5"). Thousands separators are refused ("1.000" is 1 to a program and 1000 to a Vietnamese
 * reader), as is anything else that is not plainly a number: null.
 */
export function parseLooseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^-?\d{1,3}([.,]\d{3}){2,}$/.test(s) || /^-?\d{1,3}(\.\d{3})+,\d+$/.test(s)) return null;
  if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) return null;
  const plain = s.replace(',', '.');
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(plain)) return null;
  return Number(plain);
}

export const NUMBER_HINT =
  'ghi số không có dấu phân cách hàng nghìn; dấu thập phân là dấu phẩy hoặc dấu chấm';
