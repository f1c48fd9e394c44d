import type { FrameworkLevel } from '../../../core/framework/model';
import { formatDateTimeVn, vnDateParts } from '../../pdf/format';
import type { ResultsMeta } from '../../results/results-model';

const points2 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const value4 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const signed4 = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
  signDisplay: 'exceptZero',
});
const percent1 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Points as printed: two decimals, comma, dot thousands ("1.234,50"); a dash for none. */
export const fmtPoints = (n: number | null | undefined) => (n == null ? '–' : points2.format(n));
/** A 0–1 value as published: four decimals ("0,6924"). */
export const fmtValue = (n: number | null | undefined) => (n == null ? '–' : value4.format(n));
/** A change on the 0–1 scale with its sign ("+0,0125"). */
export const fmtChange = (n: number | null | undefined) => (n == null ? '–' : signed4.format(n));
/** A share in percent, one decimal ("87,5%"). */
export const fmtPercent = (n: number | null | undefined) => (n == null ? '–' : `${percent1.format(n)}%`);

/** Names of the levels as the reports print them. */
export const LEVEL_NAMES: Record<FrameworkLevel, string> = {
  tinh: 'Cấp tỉnh',
  so: 'Cấp sở, ban, ngành',
  huyen: 'Cấp huyện',
  xa: 'Cấp xã, phường',
};

/** The level as the score-data format writes it (its reader accepts these words). */
export const LEVEL_WORDS: Record<FrameworkLevel, string> = {
  tinh: 'tỉnh',
  so: 'sở',
  huyen: 'huyện',
  xa: 'xã',
};

/** "Cấp sở, ban, ngành – nhóm 2", or the level alone for sets without groups. */
export function tableTitle(level: FrameworkLevel, group: number | null): string {
  return group === null ? LEVEL_NAMES[level] : `${LEVEL_NAMES[level]} – nhóm ${group}`;
}

/** Where the figures come from, as a line of the header: the published version or the preview. */
export function sourceLine(meta: ResultsMeta): string {
  if (meta.source === 'preview' || meta.publishedAt === null) {
    return 'BẢN XEM TRƯỚC – kết quả chưa công bố, tính từ số liệu hiện tại';
  }
  const p = vnDateParts(new Date(meta.publishedAt));
  return `Kết quả công bố phiên bản ${meta.version}, ngày ${p.day}/${p.month}/${p.year}`;
}

/** "Xuất lúc 07:30 ngày 24/06/2026" (Asia/Ho_Chi_Minh). */
export const generatedLine = (now: Date) => `Xuất lúc ${formatDateTimeVn(now)}`;

/** A file name's version part: "bản 2" or "xem trước". */
export const versionTag = (meta: ResultsMeta) =>
  meta.source === 'preview' || meta.version === null ? 'xem trước' : `bản ${meta.version}`;

/** A file name without the characters file systems refuse, in NFC. */
export function safeFileName(name: string): string {
  const visible = [...name.normalize('NFC')].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  return visible
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
