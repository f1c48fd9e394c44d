import { formatVnDateTime } from '../../../../contracts/cycle-domain';

/** Points as Vietnamese readers write them (comma decimals), at most two decimals. */
export function formatPoints(n: number, lang: string): string {
  return n.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}

/** An ISO instant as dd/mm/yyyy HH:mm in Vietnam time ('' for null, the text itself when unreadable). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatVnDateTime(d);
}

/** HH:mm in Vietnam time, for "saved at". */
export function formatClock(at: Date): string {
  return formatVnDateTime(at).slice(-5);
}

/** A file size as officials read it: 820 KB, 3,4 MB. */
export function formatSize(bytes: number, lang: string): string {
  const locale = lang.startsWith('en') ? 'en-US' : 'vi-VN';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
