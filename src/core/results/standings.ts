import type { Framework, NodeKind } from '../framework/model';
import { nodeValue } from '../scoring/compact';
import { rankUnits } from '../scoring/rank';
import type { UnitScore } from '../scoring/types';
import { frameworkFor } from './peer-groups';
import { type RestatedScore, restateYear } from './restate';
import type { HistoryBasis, MergeHistoryOptions, UnitLink, YearResults } from './types';

/** A value and its rank ("5/63"); the rank is null for an unranked unit. */
export interface Standing {
  value: number | null;
  rank: number | null;
  of: number;
}

/** A unit's standing overall and per pillar and main index in one year. */
export interface UnitStanding {
  unitId: string;
  total: Standing & { points: number; max: number };
  nodes: Record<string, Standing>;
  basis: HistoryBasis;
  sources: string[];
}

const RANKED_KINDS: NodeKind[] = ['pillar', 'main'];

/**
 * Ranks scores the way the engine does (`rankUnits`: per level and group, shared ranks) and returns
 * each unit's standing overall and for every pillar and main index.
 */
export function standingsOf(frameworks: readonly Framework[], scores: readonly RestatedScore[]) {
  const out = new Map<string, UnitStanding>();
  const byLevel = new Map<string, RestatedScore[]>();
  for (const r of scores) {
    const list = byLevel.get(r.score.level);
    if (list) list.push(r);
    else byLevel.set(r.score.level, [r]);
  }
  for (const list of byLevel.values()) {
    const f = frameworkFor(frameworks, list[0]!.score.level);
    const ranks = rankUnits(
      list.map((r) => r.score),
      f,
      { kinds: RANKED_KINDS },
    );
    list.forEach((r, i) => {
      const s: UnitScore = r.score;
      const rk = ranks[i]!;
      const nodes: Record<string, Standing> = {};
      for (const [code, nr] of Object.entries(rk.nodes)) {
        nodes[code] = { value: nodeValue(s, code), rank: nr.rank, of: nr.of };
      }
      out.set(r.unitId, {
        unitId: r.unitId,
        total: {
          value: s.total.value,
          points: s.total.points,
          max: s.total.max,
          rank: rk.total.rank,
          of: rk.total.of,
        },
        nodes,
        basis: r.basis,
        sources: r.sources,
      });
    });
  }
  return out;
}

/**
 * Last year's standings restated for today's units: each unit's own result or its predecessors'
 * (merged units averaged), ranked against the other units of today, as the national DTI 2024 was
 * republished for 34 provinces. Units with no history are absent from the map.
 */
export function previousStandings(
  previous: YearResults,
  unitIds: readonly string[],
  links: readonly UnitLink[],
  opts: MergeHistoryOptions = {},
): Map<string, UnitStanding> {
  return standingsOf(previous.frameworks, restateYear(previous, unitIds, links, opts));
}
