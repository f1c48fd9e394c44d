const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** Points in Vietnamese notation ("72,5"); a dash for no value. */
export const formatPoints = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : points.format(n);

/** A 0–1 rate as a Vietnamese percentage ("66,7 %"); a dash for no value. */
export const formatRate = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : percent.format(n);

/** "3/12", or a dash when unranked. */
export const formatPlace = (p: { rank: number | null; of: number }) =>
  p.rank === null ? '—' : `${p.rank}/${p.of}`;
