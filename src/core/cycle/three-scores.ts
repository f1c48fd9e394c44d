import type { Framework, FrameworkNode } from '../framework/model';
import type { RuleOutcome } from '../framework/rules';
import { isLeaf } from '../framework/tree';
import type { LeafEntry, UnitData } from '../scoring/types';
import { isAppraised, type ReviewState } from './states';

/** The three scores of real provincial files: self-assessed, appraised (thẩm định) and final (đạt được). */
export const SCORE_STAGES = ['self', 'appraised', 'final'] as const;
export type ScoreStage = (typeof SCORE_STAGES)[number];

/** One leaf's scores at the three stages, as stored after each step of the review. */
export interface LeafScores {
  self: RuleOutcome;
  review: ReviewState | null;
  /** Set by a reviewer who adjusts the score. */
  appraisedPoints: number | null;
  /** Set by the council when it overrides the appraised score. */
  finalPoints: number | null;
}

type StageEntry = LeafEntry | undefined;

/**
 * A leaf's entry at one stage, as points: self is the rule's outcome; appraised is the self outcome where
 * the reviewer agreed, the reviewer's points where adjusted, nothing yet otherwise; final is the council's
 * points when set, else the appraised entry.
 */
export function stageEntry(s: LeafScores, stage: ScoreStage): StageEntry {
  if (stage === 'final' && s.finalPoints !== null) return { points: s.finalPoints };
  if (stage === 'self') return outcomeEntry(s.self);
  if (!isAppraised(s.review)) return undefined;
  if (s.review === 'adjusted' && s.appraisedPoints !== null) return { points: s.appraisedPoints };
  return outcomeEntry(s.self);
}

function outcomeEntry(o: RuleOutcome): StageEntry {
  if (o.status === 'scored') return { points: o.points };
  if (o.status === 'not_applicable') return { notApplicable: true, reason: o.reason };
  return undefined;
}

/**
 * The index set with every leaf scored from points already decided (the `manual` rule) and every node
 * open to "not applicable": validity of inputs and declarations was checked when they were entered, so the
 * scoring engine only aggregates, ranks and bands the three stages with the set's own policy.
 */
export function pointsFramework(f: Framework): Framework {
  const convert = (n: FrameworkNode): FrameworkNode =>
    isLeaf(n)
      ? { ...n, rule: { type: 'manual' }, mayBeNotApplicable: true }
      : { ...n, mayBeNotApplicable: true, children: n.children!.map(convert) };
  return { ...f, nodes: f.nodes.map(convert) };
}

/** A unit's data for the scoring engine at one stage (leaves without a score at that stage are left out). */
export function stageUnitData(
  unit: { unitId: string; level: Framework['level']; group: number | null },
  leaves: ReadonlyMap<string, LeafScores>,
  stage: ScoreStage,
): UnitData {
  const inputs: Record<string, LeafEntry> = {};
  for (const [code, s] of leaves) {
    const e = stageEntry(s, stage);
    if (e !== undefined) inputs[code] = e;
  }
  return { ...unit, inputs };
}
