import type { ContestRules } from './contest';
import { roundPoints } from './points';
import {
  practiceScenarioOf,
  practiceSectionPoints,
  type ResultFlag,
  resultFlag,
  scalePracticePoints,
} from './rules';

/** What is stored of a finalised attempt, from which its result is computed (never the reverse). */
export interface AttemptScores {
  /** Theory points on the contest scale, as last graded (regrades rewrite it from the raw answers). */
  theory: number | null;
  /** The practice grade on the scenario's scale and its maximum; null until graded. */
  practiceRaw: number | null;
  practiceRawMax: number | null;
  /** Points added or taken by appeal decisions, on the contest scale. */
  adjustments: { section: 'theory' | 'practice'; points: number }[];
}

export interface AttemptResult {
  theory: number;
  practice: number;
  total: number;
  flag: ResultFlag;
}

const sectionPoints = (rules: Pick<ContestRules, 'sections'>, code: string) =>
  rules.sections.find((s) => s.code === code)?.points ?? 0;

const clamp = (value: number, max: number) => roundPoints(Math.min(max, Math.max(0, value)));

/**
 * A finalised attempt's result on the contest scale: theory plus practice scaled to its section,
 * each with its appeal adjustments and kept within 0…the section's points; the flag against the
 * threshold. Null while a part is still ungraded (a contest without a scenario counts practice 0).
 */
export function attemptResult(
  scores: AttemptScores,
  rules: Pick<ContestRules, 'sections' | 'passThreshold' | 'practiceScenario'>,
): AttemptResult | null {
  if (scores.theory === null) return null;
  let practiceBase = 0;
  if (practiceScenarioOf(rules)) {
    if (scores.practiceRaw === null || scores.practiceRawMax === null) return null;
    practiceBase = scalePracticePoints(
      scores.practiceRaw,
      scores.practiceRawMax,
      practiceSectionPoints(rules),
    );
  }
  const adjust = (section: 'theory' | 'practice') =>
    scores.adjustments.filter((a) => a.section === section).reduce((sum, a) => sum + a.points, 0);
  const theory = clamp(scores.theory + adjust('theory'), sectionPoints(rules, 'theory'));
  const practice = clamp(practiceBase + adjust('practice'), practiceSectionPoints(rules));
  const total = roundPoints(theory + practice);
  return { theory, practice, total, flag: resultFlag(total, rules) };
}
