import { isAppraised, type Rounding, roundPoints } from '../../../../contracts/cycle-domain';
import type { TEntryView } from '../../../../contracts/cycles';
import { evaluateRule, type Rule, type RuleOutcome } from '../../../../contracts/framework-domain';

export type InputValue = number | boolean | string | string[] | null;
export type Inputs = Record<string, InputValue>;

const DEFAULT_ROUNDING: Rounding = { decimals: 2, mode: 'half_up' };

/** The set's rounding as the form sends it (typed loosely); the default policy when unreadable. */
export function readRounding(raw: unknown): Rounding {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_ROUNDING;
  const { decimals, mode } = raw as { decimals?: unknown; mode?: unknown };
  const okMode = mode === 'half_up' || mode === 'half_even' || mode === 'none';
  const okDecimals = typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0;
  return okMode && okDecimals ? { decimals, mode } : DEFAULT_ROUNDING;
}

/**
 * The self-score the server will compute for what is typed now: central figures win over the unit's,
 * a declared "not applicable" wins where the indicator allows it, points rounded by the set's policy.
 */
export function liveOutcome(
  entry: Pick<TEntryView, 'rule' | 'maxPoints' | 'mayBeNotApplicable' | 'central'>,
  inputs: Inputs | null,
  notApplicable: string | null,
  rounding: Rounding,
): RuleOutcome {
  if (notApplicable !== null && entry.mayBeNotApplicable && !entry.central) {
    return { status: 'not_applicable', reason: notApplicable };
  }
  if (!entry.rule) return { status: 'invalid', errors: ['Chỉ số không có cách tính điểm'] };
  const effective = entry.central?.inputs ?? inputs ?? undefined;
  const outcome = evaluateRule(entry.rule as Rule, effective, entry.maxPoints);
  if (outcome.status !== 'scored') return outcome;
  return { status: 'scored', points: roundPoints(outcome.points, rounding) };
}

/** The appraised points to show: the reviewer's when adjusted, the self-score when agreed, else none. */
export function appraisedPoints(e: Pick<TEntryView, 'review' | 'appraisedPoints' | 'selfPoints'>) {
  if (e.appraisedPoints !== null) return e.appraisedPoints;
  return isAppraised(e.review) ? e.selfPoints : null;
}

/** The final points to show: the council's when it set them, else the appraised points, as the totals count them. */
export function finalPoints(
  e: Pick<TEntryView, 'review' | 'appraisedPoints' | 'selfPoints' | 'finalPoints'>,
): number | null {
  return e.finalPoints ?? appraisedPoints(e);
}

/** Whether the three scores mean anything yet: the indicator has been through review. */
export function hasReviewScores(e: Pick<TEntryView, 'review' | 'appraisedPoints' | 'finalPoints'>) {
  return isAppraised(e.review) || e.appraisedPoints !== null || e.finalPoints !== null;
}
