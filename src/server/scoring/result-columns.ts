import { ABSENT, COMPACT, type Compact, EXCLUDED, nodePairs } from '../../core/scoring/compact';
import type { UnitResult } from '../../core/scoring/score-run';
import type { UnitScore } from '../../core/scoring/types';
import type { ResultLayout } from '../db/schema';

/** One batch of `score_results` rows as one array per column (parameters of `unnest`). */
export interface ResultColumns {
  unitKey: string[];
  points: number[];
  maxPoints: number[];
  value: (number | null)[];
  scaled: (number | null)[];
  rank: (number | null)[];
  rankOf: number[];
  partition: string[];
  band: (string | null)[];
  nodes: string[];
  ranks: string[];
  issues: string[];
}

/**
 * Per-node values as lists in one order for the whole run (`layout`), so a row carries numbers only, not
 * ~115 codes. Scores made by the core are read straight from their per-node arrays; units of the same
 * level and group share one compiled framework, hence one mapping from its node order to the layout.
 */
export function encodeResults(
  results: UnitResult[],
  batchSize: number,
): { layout: ResultLayout; columns: ResultColumns[] } {
  const layout: ResultLayout = { nodes: [], ranks: [] };
  const nodeAt = new Map<string, number>();
  const rankAt = new Map<string, number>();
  const place = (codes: Iterable<string>, at: Map<string, number>, list: string[]) => {
    const out: number[] = [];
    for (const code of codes) {
      let i = at.get(code);
      if (i === undefined) {
        i = list.length;
        at.set(code, i);
        list.push(code);
      }
      out.push(i);
    }
    return out;
  };
  const compiledSlots = new Map<Compact['c'], number[]>();
  for (const r of results) {
    const k = compactOf(r.score);
    if (k && !compiledSlots.has(k.c)) {
      compiledSlots.set(
        k.c,
        place(
          k.c.nodes.map((n) => n.code),
          nodeAt,
          layout.nodes,
        ),
      );
    } else if (!k) place(Object.keys(r.score.nodes), nodeAt, layout.nodes);
    place(Object.keys(r.nodeRanks), rankAt, layout.ranks);
  }

  const columns: ResultColumns[] = [];
  for (let start = 0; start < results.length; start += batchSize) {
    const n = Math.min(batchSize, results.length - start);
    const c: ResultColumns = {
      unitKey: new Array(n),
      points: new Array(n),
      maxPoints: new Array(n),
      value: new Array(n),
      scaled: new Array(n),
      rank: new Array(n),
      rankOf: new Array(n),
      partition: new Array(n),
      band: new Array(n),
      nodes: new Array(n),
      ranks: new Array(n),
      issues: new Array(n),
    };
    for (let j = 0; j < n; j++) {
      const r = results[start + j]!;
      const t = r.score.total;
      c.unitKey[j] = r.score.unitId;
      c.points[j] = t.points;
      c.maxPoints[j] = t.max;
      c.value[j] = t.value;
      c.scaled[j] = t.scaled ?? null;
      c.rank[j] = r.rank.rank;
      c.rankOf[j] = r.rank.of;
      c.partition[j] = r.rank.partition;
      c.band[j] = r.band?.code ?? null;
      c.nodes[j] = encodeNodes(r.score, layout.nodes.length, nodeAt, compiledSlots);
      const ranks = new Array<number | null>(layout.ranks.length).fill(null);
      for (const [code, rank] of Object.entries(r.nodeRanks)) ranks[rankAt.get(code)!] = rank.rank;
      c.ranks[j] = JSON.stringify(ranks);
      c.issues[j] = r.score.issues.length === 0 ? '[]' : JSON.stringify(r.score.issues);
    }
    columns.push(c);
  }
  return { layout, columns };
}

function compactOf(s: UnitScore): Compact | undefined {
  return (s as UnitScore & { [COMPACT]?: Compact })[COMPACT];
}

/** [points, max, …] in layout order; null, null where the unit carries no such node. */
function encodeNodes(
  s: UnitScore,
  size: number,
  nodeAt: Map<string, number>,
  compiledSlots: Map<Compact['c'], number[]>,
): string {
  const out = new Array<number | null>(2 * size).fill(null);
  const k = compactOf(s);
  if (!k) {
    for (const [code, [p, m]] of Object.entries(nodePairs(s))) {
      const i = nodeAt.get(code)!;
      out[2 * i] = p;
      out[2 * i + 1] = m;
    }
    return JSON.stringify(out);
  }
  const slots = compiledSlots.get(k.c)!;
  for (let i = 0; i < slots.length; i++) {
    const f = k.flags[i]!;
    if (f & ABSENT) continue;
    const at = 2 * slots[i]!;
    out[at] = k.points[i]!;
    out[at + 1] = f & EXCLUDED ? 0 : k.max[i]!;
  }
  return JSON.stringify(out);
}
