import { AppError } from '../shared/app-error';

/**
 * Administrative document types of Nghị định 30/2020 (Điều 7) with their abbreviations from Phụ lục III.
 * A công văn has none: its symbol is the agency's abbreviation plus the drafting unit's (Phụ lục I).
 */
export const DOCUMENT_TYPES = {
  nghi_quyet: { name: 'Nghị quyết', abbreviation: 'NQ' },
  quyet_dinh: { name: 'Quyết định', abbreviation: 'QĐ' },
  chi_thi: { name: 'Chỉ thị', abbreviation: 'CT' },
  quy_che: { name: 'Quy chế', abbreviation: 'QC' },
  quy_dinh: { name: 'Quy định', abbreviation: 'QyĐ' },
  thong_cao: { name: 'Thông cáo', abbreviation: 'TC' },
  thong_bao: { name: 'Thông báo', abbreviation: 'TB' },
  huong_dan: { name: 'Hướng dẫn', abbreviation: 'HD' },
  chuong_trinh: { name: 'Chương trình', abbreviation: 'CTr' },
  ke_hoach: { name: 'Kế hoạch', abbreviation: 'KH' },
  phuong_an: { name: 'Phương án', abbreviation: 'PA' },
  de_an: { name: 'Đề án', abbreviation: 'ĐA' },
  du_an: { name: 'Dự án', abbreviation: 'DA' },
  bao_cao: { name: 'Báo cáo', abbreviation: 'BC' },
  bien_ban: { name: 'Biên bản', abbreviation: 'BB' },
  to_trinh: { name: 'Tờ trình', abbreviation: 'TTr' },
  hop_dong: { name: 'Hợp đồng', abbreviation: 'HĐ' },
  cong_van: { name: 'Công văn', abbreviation: null },
  cong_dien: { name: 'Công điện', abbreviation: 'CĐ' },
  ban_ghi_nho: { name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  ban_thoa_thuan: { name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  giay_uy_quyen: { name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  giay_moi: { name: 'Giấy mời', abbreviation: 'GM' },
  giay_gioi_thieu: { name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  giay_nghi_phep: { name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  phieu_gui: { name: 'Phiếu gửi', abbreviation: 'PG' },
  phieu_chuyen: { name: 'Phiếu chuyển', abbreviation: 'PC' },
  phieu_bao: { name: 'Phiếu báo', abbreviation: 'PB' },
} as const satisfies Record<string, { name: string; abbreviation: string | null }>;

export type DocumentTypeCode = keyof typeof DOCUMENT_TYPES;

/** True when `code` names a document type of the table above. */
export function isDocumentType(code: unknown): code is DocumentTypeCode {
  return typeof code === 'string' && Object.hasOwn(DOCUMENT_TYPES, code);
}

/** An abbreviation group of a symbol: letters (Vietnamese capitals allowed) and digits, no spaces. */
const GROUP = /^[A-Za-zĐđ0-9]{1,15}$/;
const NUMBER_SYMBOL = /^(\d+)\/(\S+)$/;

/** What a symbol is built from: the type, the issuing agency and, for a công văn, the drafting unit. */
export interface NotationParts {
  type: DocumentTypeCode;
  agency: string;
  unit?: string;
}

/** The number written as ND 30 wants it: below 10 with a leading 0 ("05"), otherwise as is ("124"). */
export function formatCodeNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new AppError('validation_failed', 'Số văn bản phải từ 01 trở lên');
  return n < 10 ? `0${n}` : String(n);
}

/** The symbol (ký hiệu): "QĐ-UBND"; for a công văn "UBND-VP" (agency, then drafting unit). */
export function buildNotation(parts: NotationParts): string {
  const abbr = DOCUMENT_TYPES[parts.type].abbreviation;
  const groups = abbr === null ? [parts.agency, parts.unit ?? ''] : [abbr, parts.agency];
  if (!groups.every((g) => GROUP.test(g))) {
    throw new AppError(
      'validation_failed',
      abbr === null
        ? 'Công văn cần chữ viết tắt của cơ quan và của đơn vị soạn thảo (chữ cái, chữ số, không dấu cách)'
        : 'Chữ viết tắt của cơ quan ban hành chỉ gồm chữ cái và chữ số, không dấu cách',
    );
  }
  return groups.join('-');
}

/** Number and symbol together, "05/QĐ-UBND". */
export function buildNumberSymbol(n: number, notation: string): string {
  return `${formatCodeNumber(n)}/${notation}`;
}

/** Splits "05/QĐ-UBND" into 5 and "QĐ-UBND"; null when it is not a number, a slash and a symbol. */
export function parseNumberSymbol(text: string): { codeNumber: number; notation: string } | null {
  const m = NUMBER_SYMBOL.exec(text.normalize('NFC'));
  if (!m) return null;
  return { codeNumber: Number(m[1]), notation: m[2]! };
}

/**
 * Checks a number and symbol against ND 30 (Phụ lục I): digits, a leading 0 only below 10, "/", groups
 * separated by "-" without spaces; with `expected`, the symbol must be the one those parts build.
 * Returns every problem in Vietnamese (empty when it is right).
 */
export function checkNumberSymbol(text: string, expected?: NotationParts): string[] {
  const problems: string[] = [];
  const value = text.normalize('NFC');
  if (/\s/.test(value)) problems.push('Số, ký hiệu không được có dấu cách');
  const m = NUMBER_SYMBOL.exec(value.replace(/\s+/g, ''));
  if (!m) return [...problems, `“${text}” không có dạng số/ký hiệu (ví dụ 05/QĐ-UBND)`];
  const digits = m[1]!;
  const n = Number(digits);
  if (n < 1) problems.push('Số văn bản bắt đầu từ 01');
  else if (digits !== formatCodeNumber(n)) {
    problems.push(
      `Số “${digits}” phải viết là “${formatCodeNumber(n)}” (chỉ số nhỏ hơn 10 mới thêm số 0 ở trước)`,
    );
  }
  const groups = m[2]!.split('-');
  if (groups.length < 2 || !groups.every((g) => GROUP.test(g))) {
    problems.push('Ký hiệu gồm các nhóm chữ viết tắt nối bằng dấu gạch nối “-”');
  }
  if (expected) {
    const want = buildNotation(expected);
    if (m[2] !== want) problems.push(`Ký hiệu phải là “${want}”, không phải “${m[2]}”`);
  }
  return problems;
}

/** One number series: an issuing agency in one calendar year (ND 30 Điều 15: from 01 on 1 January). */
export interface NumberSeries {
  agency: string;
  year: number;
  /** The last number given; 0 before the first document of the year. */
  last: number;
  /** Every number and symbol given in this series, in order. */
  issued: string[];
}

/** The registry of outgoing numbers of one sandbox (Sổ đăng ký văn bản đi). */
export type NumberRegister = NumberSeries[];

/** The series of an agency and year, or an empty one starting at 0. */
export function seriesOf(register: NumberRegister, agency: string, year: number): NumberSeries {
  return (
    register.find((s) => s.agency === agency && s.year === year) ?? { agency, year, last: 0, issued: [] }
  );
}

/**
 * Gives the next number of the agency's series for the year and records it; refuses a number and
 * symbol already given in that year (ND 30: unique within the year).
 */
export function assignNumber(
  register: NumberRegister,
  year: number,
  parts: NotationParts,
): { register: NumberRegister; codeNumber: number; numberSymbol: string } {
  const series = seriesOf(register, parts.agency, year);
  const codeNumber = series.last + 1;
  const numberSymbol = buildNumberSymbol(codeNumber, buildNotation(parts));
  if (series.issued.includes(numberSymbol)) {
    throw new AppError('conflict', `Số, ký hiệu ${numberSymbol} đã được cấp trong năm ${year}`);
  }
  const next: NumberSeries = { ...series, last: codeNumber, issued: [...series.issued, numberSymbol] };
  const others = register.filter((s) => !(s.agency === parts.agency && s.year === year));
  return { register: [...others, next], codeNumber, numberSymbol };
}
