import { pointsFramework } from '../cycle/three-scores';
import type { Framework, FrameworkNode, ScoringPolicy } from '../framework/model';
import { flattenNodes } from '../framework/tree';
import { rankUnits } from '../scoring/rank';
import { scoreUnits } from '../scoring/score-unit';
import type { LeafEntry, UnitData, UnitScore } from '../scoring/types';
import { AppError } from '../shared/app-error';
import { peerGroups } from './peer-groups';
import { spearman } from './stats';

export interface WhatIfScenario {
  /** New maximum points per main-index code; indices not listed keep theirs. */
  mainMax?: Record<string, number>;
  /** Another policy for nodes that do not apply and for missing data. */
  policy?: Partial<Pick<ScoringPolicy, 'notApplicable' | 'missing'>>;
  /** A unit "moves" when its rank changes by more than this many places (default 0: any change). */
  places?: number;
}

export interface WhatIfSide {
  value: number | null;
  points: number;
  max: number;
  rank: number | null;
  of: number;
}

export interface WhatIfUnit {
  unitId: string;
  level: UnitScore['level'];
  group: number | null;
  baseline: WhatIfSide;
  scenario: WhatIfSide;
  /** baseline rank − scenario rank: positive = moves up; null when unranked on either side. */
  rankChange: number | null;
  moved: boolean;
}

/**
 * Rank stability within one level and group. Under `rank_separately` the ranks compared are those of
 * the engine's finer partitions (units with the same indicators), as published.
 */
export interface WhatIfStability {
  level: UnitScore['level'];
  group: number | null;
  /** Units ranked in both rankings. */
  compared: number;
  moved: number;
  share: number | null;
  /** Spearman's rank correlation between the two rankings; null when undefined (fewer than two units). */
  spearman: number | null;
}

export interface WhatIfResult {
  units: WhatIfUnit[];
  groups: WhatIfStability[];
  compared: number;
  moved: number;
  share: number | null;
}

/**
 * Recomputes totals and ranks under other main-index maxima and/or another not-applicable or
 * missing-data policy, with the scoring engine itself: the units are rescored under the policy, then
 * every indicator of a re-weighted main index is scaled by new ÷ old maximum (its points with it, so
 * each index keeps its value, as in §4: points = value × maximum) and the engine aggregates and ranks
 * again. Reports each unit's rank change and the stability of the ranking per level and group.
 * `units` are the indicator-level results of units of the set's level (for a cycle: `stageUnitData`).
 */
export function whatIf(
  framework: Framework,
  units: readonly UnitData[],
  scenario: WhatIfScenario,
): WhatIfResult {
  const places = scenario.places ?? 0;
  const baseScores = scoreUnits(framework, [...units]);
  const baseRanks = rankUnits(baseScores, framework, { kinds: [] });
  const policyF: Framework = { ...framework, policy: { ...framework.policy, ...scenario.policy } };
  let scores = scoreUnits(policyF, [...units]);
  let scenarioF = policyF;
  const factors = mainFactors(framework, scenario.mainMax ?? {});
  if (factors.size > 0) {
    scenarioF = pointsFramework(scaleMains(policyF, factors, scenario.mainMax!));
    scores = scoreUnits(scenarioF, scaledInputs(scenarioF, scores, factors));
  }
  const ranks = rankUnits(scores, scenarioF, { kinds: [] });
  const side = (s: UnitScore, r: { rank: number | null; of: number }): WhatIfSide => ({
    value: s.total.value,
    points: s.total.points,
    max: s.total.max,
    rank: r.rank,
    of: r.of,
  });
  const out: WhatIfUnit[] = baseScores.map((b, i) => {
    const before = side(b, baseRanks[i]!.total);
    const after = side(scores[i]!, ranks[i]!.total);
    const rankChange = before.rank !== null && after.rank !== null ? before.rank - after.rank : null;
    return {
      unitId: b.unitId,
      level: b.level,
      group: b.group,
      baseline: before,
      scenario: after,
      rankChange,
      moved: rankChange !== null && Math.abs(rankChange) > places,
    };
  });
  const groups = peerGroups(out).map((g): WhatIfStability => {
    const both = g.members.filter((u) => u.rankChange !== null);
    const moved = both.filter((u) => u.moved).length;
    return {
      level: g.level,
      group: g.group,
      compared: both.length,
      moved,
      share: both.length > 0 ? moved / both.length : null,
      spearman: spearman(
        both.map((u) => u.baseline.rank!),
        both.map((u) => u.scenario.rank!),
      ),
    };
  });
  const compared = groups.reduce((a, g) => a + g.compared, 0);
  const moved = groups.reduce((a, g) => a + g.moved, 0);
  return { units: out, groups, compared, moved, share: compared > 0 ? moved / compared : null };
}

/** Main-index code → new ÷ old maximum, for the indices whose maximum changes. */
function mainFactors(f: Framework, mainMax: Record<string, number>): Map<string, number> {
  const mains = new Map<string, FrameworkNode>();
  for (const v of flattenNodes(f.nodes)) if (v.node.kind === 'main') mains.set(v.node.code, v.node);
  const out = new Map<string, number>();
  for (const [code, max] of Object.entries(mainMax)) {
    const node = mains.get(code);
    if (!node) throw new AppError('validation_failed', `Không có chỉ số chính mã ${code}`, { code });
    if (!Number.isFinite(max) || max < 0) {
      throw new AppError('validation_failed', `Điểm tối đa mới của chỉ số ${code} phải là số không âm`, {
        code,
      });
    }
    if (max === node.maxPoints) continue;
    if (node.maxPoints <= 0) {
      throw new AppError(
        'validation_failed',
        `Chỉ số ${code} không được tính điểm nên không đổi được điểm tối đa`,
        {
          code,
        },
      );
    }
    out.set(code, max / node.maxPoints);
  }
  return out;
}

/** The set with each listed main index at its new maximum and everything below it scaled alike. */
function scaleMains(f: Framework, factors: Map<string, number>, mainMax: Record<string, number>): Framework {
  const scale = (n: FrameworkNode, k: number): FrameworkNode => ({
    ...n,
    maxPoints: n.maxPoints * k,
    ...(n.children ? { children: n.children.map((c) => scale(c, k)) } : {}),
  });
  const visit = (n: FrameworkNode): FrameworkNode => {
    const k = n.kind === 'main' ? factors.get(n.code) : undefined;
    if (k !== undefined) return { ...scale(n, k), maxPoints: mainMax[n.code]! };
    return n.children ? { ...n, children: n.children.map(visit) } : n;
  };
  let delta = 0;
  for (const [code] of factors) {
    const node = flattenNodes(f.nodes).find((v) => v.node.code === code)!.node;
    delta += mainMax[code]! - node.maxPoints;
  }
  return { ...f, nominalMax: f.nominalMax + delta, nodes: f.nodes.map(visit) };
}

/** Each unit's leaf results as decided points, scaled by their main index's factor. */
function scaledInputs(f: Framework, scores: readonly UnitScore[], factors: Map<string, number>): UnitData[] {
  const leafFactor = new Map<string, number>();
  const walk = (n: FrameworkNode, k: number) => {
    const here = n.kind === 'main' ? (factors.get(n.code) ?? k) : k;
    if (!n.children || n.children.length === 0) leafFactor.set(n.code, here);
    for (const c of n.children ?? []) walk(c, here);
  };
  for (const n of f.nodes) walk(n, 1);
  return scores.map((s) => {
    const inputs: Record<string, LeafEntry> = {};
    for (const [code, k] of leafFactor) {
      const x = s.nodes[code];
      if (!x) continue;
      inputs[code] = x.applicable
        ? { points: x.points * k }
        : { notApplicable: true, reason: x.reason ?? '' };
    }
    return { unitId: s.unitId, level: s.level, group: s.group, inputs };
  });
}
