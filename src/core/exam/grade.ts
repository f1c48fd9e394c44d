import { AppError } from '../shared/app-error';
import type { ContestRules, PaperItem } from './contest';
import { roundPoints } from './points';
import type { QuestionType } from './question';

export interface AnswerKey {
  type: QuestionType;
  /** Keys of the correct options. */
  correct: string[];
}

export interface GradedItem {
  versionId: string;
  /** Points earned (unrounded; the totals are rounded). */
  points: number;
  max: number;
  /** The selection is exactly the set of correct options. */
  correct: boolean;
  answered: boolean;
}

export interface GradedPaper {
  score: number;
  max: number;
  items: GradedItem[];
}

/**
 * Fraction of an item's points earned by a selection (0…1).
 * - single, true_false: 1 iff exactly one option is selected and it is the correct one.
 * - multiple, all_or_nothing: 1 iff the selection equals the set of correct options.
 * - multiple, partial (Moodle-style): +1/nCorrect per correct option selected, −1/nWrong per wrong one,
 *   floored at 0; so selecting every option earns 0, and a question with no wrong option cannot be
 *   gamed because the bank refuses such questions.
 */
export function creditFor(
  key: AnswerKey,
  optionKeys: string[],
  selected: string[],
  scoring: ContestRules['multipleScoring'],
): number {
  const valid = new Set(optionKeys);
  const chosen = [...new Set(selected)].filter((k) => valid.has(k));
  const correct = new Set(key.correct.filter((k) => valid.has(k)));
  const exact = chosen.length === correct.size && chosen.every((k) => correct.has(k));
  if (key.type !== 'multiple' || scoring === 'all_or_nothing') return exact && correct.size > 0 ? 1 : 0;
  const nCorrect = correct.size;
  const nWrong = optionKeys.length - nCorrect;
  if (nCorrect === 0) return 0;
  const right = chosen.filter((k) => correct.has(k)).length;
  const wrong = chosen.length - right;
  if (nWrong === 0) return right / nCorrect;
  // One division at the end, so "all selected" is exactly 0 rather than float noise.
  const credit = (right * nWrong - wrong * nCorrect) / (nCorrect * nWrong);
  return Math.min(1, Math.max(0, credit));
}

/** Grades a theory paper against the answer keys; a regrade is the same call with corrected keys. */
export function gradePaper(
  paper: PaperItem[],
  answers: Record<string, string[]>,
  keys: Record<string, AnswerKey>,
  rules: Pick<ContestRules, 'multipleScoring'>,
): GradedPaper {
  const missing = paper.filter((item) => !keys[item.versionId]).map((item) => item.versionId);
  if (missing.length > 0) {
    throw new AppError('validation_failed', `Thiếu đáp án của ${missing.length} câu hỏi trong đề`, {
      versionIds: missing,
    });
  }
  const items = paper.map((item): GradedItem => {
    const key = keys[item.versionId]!;
    const selected = (answers[item.versionId] ?? []).filter((k) => item.optionOrder.includes(k));
    const credit = creditFor(key, item.optionOrder, selected, rules.multipleScoring);
    const chosen = new Set(selected);
    const correctSet = new Set(key.correct);
    return {
      versionId: item.versionId,
      points: item.points * credit,
      max: item.points,
      correct:
        correctSet.size > 0 && chosen.size === correctSet.size && [...chosen].every((k) => correctSet.has(k)),
      answered: selected.length > 0,
    };
  });
  return {
    score: roundPoints(items.reduce((sum, i) => sum + i.points, 0)),
    max: roundPoints(items.reduce((sum, i) => sum + i.max, 0)),
    items,
  };
}
