import type { NodeKind } from '../framework/model';
import { nodeValue } from './compact';
import type { CompiledFramework } from './compile';
import type { UnitScore } from './types';

export interface Gap {
  code: string;
  name: string;
  /** The unit's value (points ÷ the node's maximum). */
  value: number;
  /** Mean value of the peers (same level and group, including the unit) where the node applies. */
  peerAverage: number;
  /** value − peerAverage, in fractions of the node's maximum (× 100 = percentage points). */
  gap: number;
}

export interface StrengthsWeaknesses {
  unitId: string;
  strengths: Gap[];
  weaknesses: Gap[];
}

export interface StrengthOptions {
  /** Which nodes to compare; main indices by default. */
  kind?: NodeKind;
  /** How many of each to return (default 3). */
  top?: number;
}

/**
 * Each unit's strengths (nodes furthest above the peer average) and weaknesses (furthest below),
 * measured as a share of the node's maximum so that a 10-point and a 200-point index compare fairly.
 * Only nodes above the average can be strengths and only those below can be weaknesses, so a unit
 * ahead everywhere has no weakness. Ties keep framework order.
 */
export function strengthsAndWeaknesses(
  c: CompiledFramework,
  scores: UnitScore[],
  opts: StrengthOptions = {},
): StrengthsWeaknesses[] {
  const kind = opts.kind ?? 'main';
  const top = opts.top ?? 3;
  const nodes = c.nodes.filter((n) => n.kind === kind);
  const w = nodes.length;
  const values = new Float64Array(scores.length * w).fill(Number.NaN);
  const peers = new Map<string, { sum: Float64Array; count: Int32Array }>();
  const accs = scores.map((s, u) => {
    const key = `${s.level}|${s.group ?? ''}`;
    let acc = peers.get(key);
    if (!acc) {
      acc = { sum: new Float64Array(w), count: new Int32Array(w) };
      peers.set(key, acc);
    }
    for (let k = 0; k < w; k++) {
      const v = nodeValue(s, nodes[k]!.code);
      if (v === null) continue;
      values[u * w + k] = v;
      acc.sum[k]! += v;
      acc.count[k]! += 1;
    }
    return acc;
  });
  const eps = 1e-9;
  return scores.map((s, u) => {
    const acc = accs[u]!;
    const gap = (k: number) => values[u * w + k]! - acc.sum[k]! / acc.count[k]!;
    const above: number[] = [];
    const below: number[] = [];
    for (let k = 0; k < w; k++) {
      const g = gap(k);
      if (g > eps) above.push(k);
      else if (g < -eps) below.push(k);
    }
    const toGap = (k: number): Gap => {
      const avg = acc.sum[k]! / acc.count[k]!;
      const v = values[u * w + k]!;
      return { code: nodes[k]!.code, name: nodes[k]!.name, value: v, peerAverage: avg, gap: v - avg };
    };
    const strengths = above
      .sort((a, b) => gap(b) - gap(a))
      .slice(0, top)
      .map(toGap);
    const weaknesses = below
      .sort((a, b) => gap(a) - gap(b))
      .slice(0, top)
      .map(toGap);
    return { unitId: s.unitId, strengths, weaknesses };
  });
}
