import type { Framework, NodeKind } from '../framework/model';
import { nodeValue } from '../scoring/compact';
import { type CompiledFramework, compileFramework } from '../scoring/compile';
import { strengthsAndWeaknesses } from '../scoring/strengths';
import type { UnitScore } from '../scoring/types';
import { frameworkFor, peerGroups } from './peer-groups';
import { mean, stdev } from './stats';

export interface StrengthRule {
  /** Which nodes are judged (default main indices). */
  kind?: NodeKind;
  /**
   * 'gap' (default): value − group average, in fractions of the node's maximum (0.1 = 10 percentage
   * points). 'z': that gap divided by the group's standard deviation on the node.
   */
  measure?: 'gap' | 'z';
  /** A node counts when |measure| ≥ threshold; default 0.1 for 'gap', 1 for 'z'. */
  threshold?: number;
  /** At most this many strengths and this many weaknesses (default 3). */
  top?: number;
  /** Indicators listed under each (default 3). */
  indicators?: number;
}

/** An indicator (leaf) behind a strength or weakness. */
export interface IndicatorDetail {
  code: string;
  name: string;
  points: number;
  max: number;
  /** max − points. */
  lost: number;
  /** Mean points of the group's units where the indicator applies. */
  peerAveragePoints: number;
  /** points − peerAveragePoints. */
  gapPoints: number;
}

export interface StrengthItem {
  code: string;
  name: string;
  value: number;
  peerAverage: number;
  /** value − peerAverage (0–1 scale). */
  gap: number;
  /** gap ÷ the group's standard deviation; null when every unit of the group has the same value. */
  z: number | null;
  /** Weakness: the indicators that lost the most points. Strength: those furthest above the group. */
  indicators: IndicatorDetail[];
}

export interface UnitStrengths {
  unitId: string;
  strengths: StrengthItem[];
  weaknesses: StrengthItem[];
}

const EPS = 1e-9;

/**
 * Each unit's strengths and weaknesses against its level and group: the main indices where it is
 * clearly above or below the group average (by gap or z-score, at a threshold), largest first, each
 * with the indicators that explain it. Gaps and averages come from the engine's `strengthsAndWeaknesses`.
 */
export function unitStrengths(
  frameworks: readonly Framework[],
  scores: readonly UnitScore[],
  rule: StrengthRule = {},
): UnitStrengths[] {
  const out = new Map<string, UnitStrengths>();
  for (const g of peerGroups(scores)) {
    const c = compileFramework(frameworkFor(frameworks, g.level), g.level, g.group);
    for (const r of groupStrengths(c, g.members, rule)) out.set(r.unitId, r);
  }
  return scores.map((s) => out.get(s.unitId)!);
}

function groupStrengths(c: CompiledFramework, members: UnitScore[], rule: StrengthRule): UnitStrengths[] {
  const kind = rule.kind ?? 'main';
  const measure = rule.measure ?? 'gap';
  const threshold = rule.threshold ?? (measure === 'gap' ? 0.1 : 1);
  const top = rule.top ?? 3;
  const nIndicators = rule.indicators ?? 3;
  const sd = new Map<string, number | null>();
  for (const n of c.nodes) {
    if (n.kind !== kind) continue;
    const vs = members.map((s) => nodeValue(s, n.code)).filter((v): v is number => v !== null);
    sd.set(n.code, stdev(vs));
  }
  const leafAvg = new Map<string, number | null>();
  for (const n of c.nodes) {
    if (!n.isLeaf) continue;
    const ps: number[] = [];
    for (const s of members) {
      const x = s.nodes[n.code];
      if (x?.applicable) ps.push(x.points);
    }
    leafAvg.set(n.code, mean(ps));
  }
  const all = strengthsAndWeaknesses(c, members, { kind, top: Number.POSITIVE_INFINITY });
  return all.map((sw, u) => {
    const s = members[u]!;
    const item =
      (strong: boolean) =>
      (g: (typeof sw.strengths)[number]): StrengthItem => {
        const d = sd.get(g.code) ?? null;
        return {
          ...g,
          z: d !== null && d > EPS ? g.gap / d : null,
          indicators: indicators(c, s, g.code, strong, leafAvg).slice(0, nIndicators),
        };
      };
    const strength = (x: StrengthItem) => (measure === 'gap' ? Math.abs(x.gap) : Math.abs(x.z ?? 0));
    const pick = (list: StrengthItem[]) =>
      list
        .filter((x) => (measure === 'gap' || x.z !== null) && strength(x) >= threshold - EPS)
        .sort((a, b) => strength(b) - strength(a))
        .slice(0, top);
    return {
      unitId: s.unitId,
      strengths: pick(sw.strengths.map(item(true))),
      weaknesses: pick(sw.weaknesses.map(item(false))),
    };
  });
}

function indicators(
  c: CompiledFramework,
  s: UnitScore,
  code: string,
  strong: boolean,
  leafAvg: Map<string, number | null>,
): IndicatorDetail[] {
  const i = c.index.get(code)!;
  const out: IndicatorDetail[] = [];
  for (let j = i + 1; j < c.nodes[i]!.end; j++) {
    const n = c.nodes[j]!;
    const x = s.nodes[n.code];
    if (!n.isLeaf || !x?.applicable) continue;
    const avg = leafAvg.get(n.code) ?? x.points;
    out.push({
      code: n.code,
      name: n.name,
      points: x.points,
      max: x.max,
      lost: x.max - x.points,
      peerAveragePoints: avg,
      gapPoints: x.points - avg,
    });
  }
  if (strong) return out.filter((d) => d.gapPoints > EPS).sort((a, b) => b.gapPoints - a.gapPoints);
  return out.filter((d) => d.lost > EPS).sort((a, b) => b.lost - a.lost);
}
