import type { ContestRules, PaperItem } from './contest';
import { type AnswerKey, type GradedItem, gradePaper } from './grade';
import { roundPoints } from './points';
import { type AttemptScores, attemptResult } from './result';
import type { ResultFlag } from './rules';

/** How a question of a contest is corrected after the exam. */
export const OVERRIDE_MODES = ['key', 'drop_credit', 'drop_remove'] as const;
export type OverrideMode = (typeof OVERRIDE_MODES)[number];

/** The current correction of one question version in a contest (absent: graded on the bank's key). */
export interface ItemOverride {
  versionId: string;
  mode: OverrideMode;
  /** The corrected key (mode 'key' only). */
  correct?: string[] | null;
}

export interface RegradedItem extends GradedItem {
  /** The correction applied to this item, if any. */
  override?: OverrideMode;
}

export interface RegradedPaper {
  score: number;
  max: number;
  items: RegradedItem[];
  /**
   * Factor applied to the remaining items when questions are removed from the total: the paper's full
   * points ÷ the points still counted (1 when nothing is removed).
   */
  scale: number;
}

/** The keys grading uses: the bank's keys with the corrected options of every 'key' override. */
export function effectiveKeys(
  keys: Record<string, AnswerKey>,
  overrides: readonly ItemOverride[],
): Record<string, AnswerKey> {
  const out: Record<string, AnswerKey> = { ...keys };
  for (const o of overrides) {
    const base = keys[o.versionId];
    if (o.mode === 'key' && base && o.correct)
      out[o.versionId] = { type: base.type, correct: [...o.correct] };
  }
  return out;
}

/**
 * A one-answer question (single, true/false) whose corrected key names several options accepts any one
 * of them: it earns the best credit over those options taken one at a time, as `gradePaper` grades it.
 */
function acceptAnyOf(
  item: GradedItem,
  paperItem: PaperItem | undefined,
  answers: Record<string, string[]>,
  keys: Record<string, AnswerKey>,
  o: ItemOverride,
  rules: Pick<ContestRules, 'multipleScoring'>,
): GradedItem {
  const base = keys[item.versionId];
  const alternatives = o.correct ?? [];
  if (!paperItem || !base || base.type === 'multiple' || alternatives.length < 2) return item;
  const best = alternatives
    .map(
      (k) =>
        gradePaper([paperItem], answers, { [item.versionId]: { type: base.type, correct: [k] } }, rules)
          .items[0]!,
    )
    .reduce((a, b) => (b.points > a.points ? b : a));
  // Never the whole set at once: that is not one answer (the exam page cannot even send it).
  return { ...item, points: best.points, correct: best.correct };
}

/**
 * Grades a theory paper from its raw answers with the contest's corrections, through `gradePaper`:
 * - key: graded against the corrected key (a one-answer question with several key options accepts any one);
 * - drop_credit: every candidate who had the question earns its full points;
 * - drop_remove: the question counts neither in the score nor in the maximum, and the remaining items
 *   are rescaled to the paper's full points (which assembly makes equal to the theory section's points),
 *   so the contest stays on its scale: score = Σ remaining points × full ÷ Σ remaining maxima. With
 *   every item removed the score is 0.
 * With no override the result equals `gradePaper`'s, so recomputing never moves an untouched attempt.
 */
export function regradePaper(
  paper: PaperItem[],
  answers: Record<string, string[]>,
  keys: Record<string, AnswerKey>,
  overrides: readonly ItemOverride[],
  rules: Pick<ContestRules, 'multipleScoring'>,
): RegradedPaper {
  const byVersion = new Map(overrides.map((o) => [o.versionId, o]));
  const paperOf = new Map(paper.map((p) => [p.versionId, p]));
  const graded = gradePaper(paper, answers, effectiveKeys(keys, overrides), rules);
  const items = graded.items.map((item): RegradedItem => {
    const o = byVersion.get(item.versionId);
    if (!o) return item;
    if (o.mode === 'drop_credit') return { ...item, points: item.max, correct: true, override: o.mode };
    if (o.mode === 'drop_remove') return { ...item, points: 0, max: 0, override: o.mode };
    return { ...acceptAnyOf(item, paperOf.get(item.versionId), answers, keys, o, rules), override: o.mode };
  });
  const full = graded.max;
  const keptMax = items.reduce((sum, i) => sum + i.max, 0);
  const kept = items.reduce((sum, i) => sum + i.points, 0);
  if (items.every((i) => i.override !== 'drop_remove')) {
    return { score: roundPoints(kept), max: full, items, scale: 1 };
  }
  if (keptMax <= 0) return { score: 0, max: full, items, scale: 0 };
  const scale = full / keptMax;
  // One division at the end so that a full paper rescales to exactly the full points.
  return { score: roundPoints((kept * full) / keptMax), max: full, items, scale };
}

/** An attempt's result as the diff shows it; parts are null while ungraded. */
export interface ResultSnapshot {
  theory: number | null;
  practice: number | null;
  total: number | null;
  flag: ResultFlag | null;
}

/** The change of one attempt's result, before → after. */
export interface ResultChange {
  before: ResultSnapshot;
  after: ResultSnapshot;
  /** after − before of the total (of the theory while the total is unknown). */
  delta: number;
  changed: boolean;
}

type ResultRules = Pick<ContestRules, 'sections' | 'passThreshold' | 'practiceScenario'>;

function snapshot(scores: AttemptScores, rules: ResultRules): ResultSnapshot {
  const r = attemptResult(scores, rules);
  if (r) return r;
  return {
    theory: scores.theory === null ? null : roundPoints(scores.theory),
    practice: null,
    total: null,
    flag: null,
  };
}

/** Compares an attempt's result before and after a recompute, both through `attemptResult`. */
export function resultChange(before: AttemptScores, after: AttemptScores, rules: ResultRules): ResultChange {
  const b = snapshot(before, rules);
  const a = snapshot(after, rules);
  const delta =
    a.total !== null && b.total !== null
      ? roundPoints(a.total - b.total)
      : a.theory !== null && b.theory !== null
        ? roundPoints(a.theory - b.theory)
        : 0;
  const changed =
    a.theory !== b.theory || a.practice !== b.practice || a.total !== b.total || a.flag !== b.flag;
  return { before: b, after: a, delta, changed };
}
