import { tieKey } from '../scoring/rank';

/** Count, mean, median, min, max and standard deviation of a list of numbers (null when empty). */
export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation (the units are the whole population, not a sample). */
  stdev: number | null;
}

/** Arithmetic mean; null for an empty list. */
export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Population standard deviation; null for an empty list. */
export function stdev(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / xs.length);
}

/** Summary statistics of a list; the median of an even count is the mean of the two middle values. */
export function summarize(xs: readonly number[]): Summary {
  if (xs.length === 0) return { count: 0, mean: null, median: null, min: null, max: null, stdev: null };
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    count: xs.length,
    mean: mean(xs),
    median,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    stdev: stdev(xs),
  };
}

/**
 * Fractional ranks, smallest first (1-based): tied values (compared like ranks, at 9 decimals) share
 * the mean of the positions they occupy, as Spearman's coefficient requires.
 */
export function fractionalRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => tieKey(xs[a]!) - tieKey(xs[b]!));
  const out = new Array<number>(xs.length);
  for (let k = 0; k < order.length; ) {
    let end = k + 1;
    while (end < order.length && tieKey(xs[order[end]!]!) === tieKey(xs[order[k]!]!)) end++;
    const r = (k + 1 + end) / 2;
    for (let j = k; j < end; j++) out[order[j]!] = r;
    k = end;
  }
  return out;
}

/**
 * Spearman's rank correlation of two paired lists: Pearson's correlation of their fractional ranks.
 * 1 when both orderings are identical (even if every value ties); null with fewer than two pairs or
 * when only one side is constant (the coefficient is undefined there).
 */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length < 2) return null;
  const ra = fractionalRanks(a);
  const rb = fractionalRanks(b);
  if (ra.every((r, i) => r === rb[i])) return 1;
  const ma = mean(ra)!;
  const mb = mean(rb)!;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < ra.length; i++) {
    const da = ra[i]! - ma;
    const db = rb[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  return sab / Math.sqrt(saa * sbb);
}
