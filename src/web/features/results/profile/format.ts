/** Number formats of the profile: vi-VN (comma decimals) unless the interface is in English. */

const locale = (lang: string) => (lang.startsWith('en') ? 'en-US' : 'vi-VN');

/** An index value 0–1 with four decimals (0,6512); a dash when there is none. */
export function fmtValue(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(locale(lang), { minimumFractionDigits: 4, maximumFractionDigits: 4 });
}

/** Points with at most two decimals (72,5). */
export function fmtPoints(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(locale(lang), { maximumFractionDigits: 2 });
}

/** A signed difference with `digits` decimals and a true minus sign (+0,1250 / −0,0300). */
export function fmtSigned(n: number | null | undefined, lang: string, digits = 4): string {
  if (n === null || n === undefined) return '—';
  const abs = Math.abs(n).toLocaleString(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  if (Math.abs(n) < 0.5 * 10 ** -digits) return abs;
  return n > 0 ? `+${abs}` : `−${abs}`;
}

/** A share 0–1 as a whole percentage (0,875 → 88%). */
export function fmtPercent(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return `${Math.round(n * 100).toLocaleString(locale(lang))}%`;
}
