import type { Framework, FrameworkNode, NodeKind } from '../framework/model';
import { nodeValue } from './compact';
import type { UnitScore } from './types';

/**
 * Values are compared after rounding to 9 decimals. Values lie in [0, 1], so this is far below any
 * published precision (4 decimals) and far above the error of summing a few hundred doubles (~1e-13):
 * 0.1 + 0.2 and 0.3, or the same points added in another order, tie. Rounding (rather than |a − b| < ε)
 * keeps "tie" transitive, so a ranking never depends on the order units arrive in.
 */
export function tieKey(value: number): number {
  return Math.round(value * 1e9);
}

/** Competition ranks ("1, 2, 2, 4"), highest value first; a null value is unranked (null). */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const order: number[] = [];
  const keys = new Float64Array(values.length);
  const ranks = new Array<number | null>(values.length).fill(null);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    keys[i] = tieKey(v);
    order.push(i);
  }
  order.sort((a, b) => keys[b]! - keys[a]!);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    ranks[i] = prev >= 0 && keys[prev] === keys[i] ? ranks[prev]! : k + 1;
  }
  return ranks;
}

export interface Rank {
  rank: number | null;
  /** Number of ranked units in the same partition ("5/63"). */
  of: number;
  partition: string;
}

export interface UnitRanks {
  unitId: string;
  total: Rank;
  /** Pillars and main indices by default (see `kinds`). */
  nodes: Record<string, Rank>;
}

export interface RankOptions {
  /** Node kinds ranked besides the total; default pillars and main indices. */
  kinds?: NodeKind[];
}

/**
 * Ranks units overall and per node. Units are ranked only against units of the same level and group.
 * Under `rank_separately` the partition also includes the unit's shape: the sorted codes of the
 * top-most nodes it left out (for a node's ranking, only those inside that node). Units are therefore
 * compared only with units assessed on exactly the same indicators, and so on the same maximum. Under
 * `rescale` the shape is ignored: values (points ÷ applicable maximum) are comparable by construction.
 */
export function rankUnits(scores: UnitScore[], framework: Framework, opts: RankOptions = {}): UnitRanks[] {
  const kinds = opts.kinds ?? ['pillar', 'main'];
  const separate = framework.policy.notApplicable === 'rank_separately';
  const { ranked, ancestors } = treeInfo(framework.nodes, kinds);
  const out: UnitRanks[] = scores.map((s) => ({ unitId: s.unitId, total: UNRANKED, nodes: {} }));
  const base = scores.map((s) => `${s.level}|${s.group ?? ''}`);
  const baseParts = partitions(base);
  const totalParts = separate
    ? partitions(scores.map((s, i) => `${base[i]}|${s.excluded.join(',')}`))
    : baseParts;
  rankWithin(
    totalParts,
    (i) => scores[i]!.total.value,
    (i, r) => {
      out[i]!.total = r;
    },
  );
  for (const code of ranked) {
    const parts = separate
      ? partitions(
          scores.map((s, i) => {
            const inside = s.excluded.filter((e) => ancestors.get(e)?.has(code));
            return `${base[i]}|${inside.join(',')}`;
          }),
        )
      : baseParts;
    rankWithin(
      parts,
      (i) => nodeValue(scores[i]!, code),
      (i, r) => {
        out[i]!.nodes[code] = r;
      },
    );
  }
  return out;
}

const UNRANKED: Rank = Object.freeze({ rank: null, of: 0, partition: '' });

function partitions(keys: string[]): Map<string, number[]> {
  const parts = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const list = parts.get(keys[i]!);
    if (list) list.push(i);
    else parts.set(keys[i]!, [i]);
  }
  return parts;
}

function rankWithin(
  parts: Map<string, number[]>,
  valueAt: (i: number) => number | null,
  set: (i: number, r: Rank) => void,
) {
  for (const [partition, members] of parts) {
    const values = new Array<number | null>(members.length);
    for (let k = 0; k < members.length; k++) values[k] = valueAt(members[k]!);
    const ranks = competitionRanks(values);
    let of = 0;
    for (const r of ranks) if (r !== null) of++;
    for (let k = 0; k < members.length; k++) set(members[k]!, { rank: ranks[k]!, of, partition });
  }
}

/** Codes to rank, and for every code the set of its strict ancestors' codes. */
function treeInfo(nodes: FrameworkNode[], kinds: NodeKind[]) {
  const ranked: string[] = [];
  const ancestors = new Map<string, Set<string>>();
  const walk = (n: FrameworkNode, above: string[]) => {
    if (kinds.includes(n.kind)) ranked.push(n.code);
    ancestors.set(n.code, new Set(above));
    for (const c of n.children ?? []) walk(c, [...above, n.code]);
  };
  for (const n of nodes) walk(n, []);
  return { ranked, ancestors };
}
