/** Number formats of the results pages: vi-VN (comma decimals) unless the interface is in English. */

const locale = (lang: string) => (lang.startsWith('en') ? 'en-US' : 'vi-VN');

/** An index value 0–1 with four decimals (0,6512). */
export function formatValue(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(locale(lang), { minimumFractionDigits: 4, maximumFractionDigits: 4 });
}

/** Points with at most two decimals (72,5). */
export function formatPoints(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(locale(lang), { maximumFractionDigits: 2 });
}

/** A signed change of value with four decimals (+0,0125 / −0,0300). */
export function formatValueChange(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  const abs = formatValue(Math.abs(n), lang);
  if (n > 0) return `+${abs}`;
  return n < 0 ? `−${abs}` : abs;
}

/** A percentage with one decimal from a share 0–1 (0,25 → 25,0%). */
export function formatShare(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return `${(n * 100).toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A signed percentage change (already in per cent) with one decimal. */
export function formatPercentChange(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  const abs = Math.abs(n).toLocaleString(locale(lang), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  if (n > 0) return `+${abs}%`;
  return n < 0 ? `−${abs}%` : `${abs}%`;
}

/** A correlation −1…1 with three decimals. */
export function formatCorrelation(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(locale(lang), { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}
