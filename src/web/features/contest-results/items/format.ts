const fmt = (digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct1 = fmt(1);
const dec2 = fmt(2);

/** A value already in percent ("33,3 %"); a dash for none. */
export const formatPercent = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${pct1.format(n)} %`;

/** An index or correlation with two decimals ("0,74", "−0,21"); a dash for none. */
export const formatIndex = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : dec2.format(n).replace('-', '−');

/** A 0…1 share as a percent ("50 %"). */
export const formatShare = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${fmt(0).format(n * 100)} %`;

/** Option letter by position in the bank's order. */
export const letterAt = (index: number) => String.fromCharCode(65 + index);
