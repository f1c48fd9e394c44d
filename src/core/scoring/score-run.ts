import type { Band, Framework, NodeKind } from '../framework/model';
import { bandFor } from './bands';
import { type Rank, rankUnits } from './rank';
import { scoreUnits } from './score-unit';
import type { UnitData, UnitScore } from './types';

/** One unit's full result in a run: its score, its ranks and its band. */
export interface UnitResult {
  score: UnitScore;
  rank: Rank;
  /** Ranks of pillars and main indices (or `kinds`). */
  nodeRanks: Record<string, Rank>;
  band: Band | null;
}

/** Scores, ranks and bands every unit of a run on one framework (the whole recompute). */
export function scoreRun(f: Framework, units: UnitData[], opts: { kinds?: NodeKind[] } = {}): UnitResult[] {
  const scores = scoreUnits(f, units);
  const ranks = rankUnits(scores, f, opts);
  return scores.map((score, i) => ({
    score,
    rank: ranks[i]!.total,
    nodeRanks: ranks[i]!.nodes,
    band: bandFor(score.total.value, f.policy.bands),
  }));
}
