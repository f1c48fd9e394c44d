import type { NodeKind } from '../framework/model';
import { flattenNodes } from '../framework/tree';
import { nodeValue } from '../scoring/compact';
import { rankUnits } from '../scoring/rank';
import { frameworkFor } from './peer-groups';
import { restateUnit } from './restate';
import type { HistoryBasis, MergeHistoryOptions, UnitLink, YearResults } from './types';

export interface TrendPoint {
  year: number;
  value: number | null;
  points: number;
  max: number;
  /** The unit's published rank that year; null where the value stands on predecessors. */
  rank: number | null;
  of: number | null;
  basis: HistoryBasis;
  sources: string[];
  /** Value per main index (or `kind`) that year. */
  nodes: Record<string, number | null>;
  /** value − the previous point's value; null for the first point or a missing value. */
  change: number | null;
}

/**
 * A unit's results over the years, oldest first: its own where it has one; before a merger, the
 * average of its predecessors' main indices (plain mean by default, as the national DTI 2024 did for
 * merged provinces; weighted with `weightOf`); a split or renamed unit carries its predecessor's.
 * Years with no result for the unit or any predecessor are left out.
 */
export function unitTrend(
  unitId: string,
  years: readonly YearResults[],
  links: readonly UnitLink[],
  opts: MergeHistoryOptions & { kind?: NodeKind } = {},
): TrendPoint[] {
  const kind = opts.kind ?? 'main';
  const out: TrendPoint[] = [];
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    const r = restateUnit(y, unitId, links, opts);
    if (!r) continue;
    const s = r.score;
    const codes = flattenNodes(frameworkFor(y.frameworks, s.level).nodes)
      .filter((v) => v.node.kind === kind)
      .map((v) => v.node.code);
    const nodes: Record<string, number | null> = {};
    for (const code of codes) nodes[code] = nodeValue(s, code);
    let rank: number | null = null;
    let of: number | null = null;
    if (r.basis === 'own') {
      const peers = y.scores.filter((x) => x.level === s.level);
      const ranks = rankUnits(peers, frameworkFor(y.frameworks, s.level), { kinds: [] });
      const own = ranks[peers.indexOf(s)]!.total;
      rank = own.rank;
      of = own.of;
    }
    const prev = out[out.length - 1];
    out.push({
      year: y.year,
      value: s.total.value,
      points: s.total.points,
      max: s.total.max,
      rank,
      of,
      basis: r.basis,
      sources: r.sources,
      nodes,
      change: prev && prev.value !== null && s.total.value !== null ? s.total.value - prev.value : null,
    });
  }
  return out;
}
