import type { Band } from '../framework/model';
import { bandFor } from '../scoring/bands';
import { nodeValue } from '../scoring/compact';
import { tieKey } from '../scoring/rank';
import type { UnitScore } from '../scoring/types';
import { AppError } from '../shared/app-error';
import type { SortKey } from './league';
import { type Summary, summarize } from './stats';

/** One histogram bin, `[from, to)`; the last bin also holds `to`. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface Histogram {
  bins: Bin[];
  /** Values outside the first and last edges. */
  below: number;
  above: number;
}

export interface BandCount {
  code: string;
  label: string;
  minValue: number;
  count: number;
}

export interface Distribution extends Histogram {
  scale: 'value' | 'points';
  /** Counts per band, highest band first; `unbanded` counts values below every band. */
  bands: BandCount[];
  unbanded: number;
  /** Units without a value on the key (not applicable, no maximum). */
  missing: number;
  summary: Summary;
}

export interface DistributionOptions {
  key?: SortKey;
  /** 'value' (0–1, default) or 'points'. */
  scale?: 'value' | 'points';
  /** Number of equal bins over `range` (default 10). */
  bins?: number;
  /** Explicit ascending edges; overrides `bins` and `range`. */
  edges?: number[];
  /** Default [0, 1] for values, [0, the largest maximum] for points. */
  range?: [number, number];
  bands?: readonly Band[];
}

/** `n` equal bins from `lo` to `hi`: n + 1 edges. */
export function equalEdges(lo: number, hi: number, n: number): number[] {
  if (!(Number.isInteger(n) && n >= 1) || !(hi > lo)) {
    throw new AppError(
      'validation_failed',
      'Khoảng chia phải có ít nhất một khoảng và cận trên lớn hơn cận dưới',
    );
  }
  return Array.from({ length: n + 1 }, (_, i) => (i === n ? hi : lo + ((hi - lo) * i) / n));
}

/**
 * Counts values into bins `[edges[i], edges[i+1])`, the last closed. Edges are compared like ranks
 * (9 decimals), so 0.7 computed as 0.6999999999999999 falls in the bin starting at 0.7.
 */
export function histogram(values: readonly number[], edges: readonly number[]): Histogram {
  if (edges.length < 2 || edges.some((e, i) => i > 0 && !(e > edges[i - 1]!))) {
    throw new AppError('validation_failed', 'Các mốc chia phải tăng dần và có ít nhất hai mốc');
  }
  const keys = edges.map(tieKey);
  const bins: Bin[] = edges.slice(1).map((to, i) => ({ from: edges[i]!, to, count: 0 }));
  let below = 0;
  let above = 0;
  const last = keys.length - 1;
  for (const v of values) {
    const k = tieKey(v);
    if (k < keys[0]!) below++;
    else if (k > keys[last]!) above++;
    else {
      let i = 0;
      while (i < last - 1 && k >= keys[i + 1]!) i++;
      bins[i]!.count++;
    }
  }
  return { bins, below, above };
}

/** How many values fall in each band (by the engine's `bandFor`), highest band first. */
export function bandCounts(values: readonly number[], bands: readonly Band[]) {
  const counts = new Map<string, number>();
  let unbanded = 0;
  for (const v of values) {
    const b = bandFor(v, bands);
    if (b) counts.set(b.code, (counts.get(b.code) ?? 0) + 1);
    else unbanded++;
  }
  const out: BandCount[] = [...bands]
    .sort((a, b) => b.minValue - a.minValue)
    .map((b) => ({ code: b.code, label: b.label, minValue: b.minValue, count: counts.get(b.code) ?? 0 }));
  return { bands: out, unbanded };
}

/**
 * Distribution of the units' results on a key (total by default): histogram over values or points,
 * band counts (always on the 0–1 value) and summary statistics.
 */
export function distribution(scores: readonly UnitScore[], opts: DistributionOptions = {}): Distribution {
  const key = opts.key ?? { by: 'total' };
  const scale = opts.scale ?? 'value';
  const values: number[] = [];
  const points: number[] = [];
  let largestMax = 0;
  let missing = 0;
  for (const s of scores) {
    const v = key.by === 'total' ? s.total.value : nodeValue(s, key.code);
    if (v === null) {
      missing++;
      continue;
    }
    const n = key.by === 'total' ? s.total : s.nodes[key.code]!;
    values.push(v);
    points.push(n.points);
    largestMax = Math.max(largestMax, n.max);
  }
  const xs = scale === 'value' ? values : points;
  const range = opts.range ?? (scale === 'value' ? [0, 1] : [0, largestMax || 1]);
  const edges = opts.edges ?? equalEdges(range[0], range[1], opts.bins ?? 10);
  return {
    scale,
    ...histogram(xs, edges),
    ...bandCounts(values, opts.bands ?? []),
    missing,
    summary: summarize(xs),
  };
}
