import type { FrameworkNode, RuleInput, ScoringPolicy } from '../framework/model';
import { evaluateRule, type RuleOutcome } from '../framework/rules';
import { roundPoints } from '../scoring/rounding';
import type { EntryStatus, ReviewState } from './states';

/** What a unit declared for one leaf indicator, and what the province measured centrally. */
export interface EntryInput {
  inputs: RuleInput | null;
  /** Reason given when the unit declares the indicator not applicable. */
  notApplicable: string | null;
  /** Values imported by the organiser (read-only for the unit); they replace the unit's inputs. */
  central: { inputs: RuleInput; source: string } | null;
}

/** The inputs that count: the central ones when imported, else the unit's own. */
export function effectiveInputs(e: EntryInput): RuleInput | null {
  return e.central?.inputs ?? e.inputs;
}

/**
 * The self-assessed outcome of one leaf: its rule over the effective inputs, points rounded by the set's
 * policy; a declared "not applicable" wins where the node allows it.
 */
export function selfOutcome(node: FrameworkNode, policy: ScoringPolicy, e: EntryInput): RuleOutcome {
  if (e.notApplicable !== null && node.mayBeNotApplicable && !e.central) {
    return { status: 'not_applicable', reason: e.notApplicable };
  }
  if (!node.rule) return { status: 'invalid', errors: ['Chỉ số không có cách tính điểm'] };
  const outcome = evaluateRule(node.rule, effectiveInputs(e) ?? undefined, node.maxPoints);
  if (outcome.status !== 'scored') return outcome;
  return { status: 'scored', points: roundPoints(outcome.points, policy.rounding) };
}

/** Points of an outcome, null when it has none (not applicable, missing, invalid). */
export function outcomePoints(o: RuleOutcome): number | null {
  return o.status === 'scored' ? o.points : null;
}

/** Whether anything was entered at all (an empty form counts as not started). */
export function hasAnyInput(e: EntryInput): boolean {
  if (e.central || e.notApplicable !== null) return true;
  return Object.values(e.inputs ?? {}).some(
    (v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''),
  );
}

/**
 * The indicator's status for the unit: a reviewer's open request, or required evidence absent, reads
 * "Cần bổ sung minh chứng"; a complete entry reads "Hoàn thành".
 */
export function entryStatus(args: {
  outcome: RuleOutcome;
  started: boolean;
  needsEvidence: boolean;
  review: ReviewState | null;
}): EntryStatus {
  if (args.review === 'requested') return 'needs_evidence';
  if (!args.started) return 'not_started';
  if (args.outcome.status === 'missing' || args.outcome.status === 'invalid') return 'in_progress';
  if (args.needsEvidence) return 'needs_evidence';
  return 'done';
}

/** Evidence is required where the set names documents (tài liệu kiểm chứng) and the unit claims points. */
export function evidenceRequired(node: FrameworkNode, outcome: RuleOutcome, central: boolean): boolean {
  if (central) return false;
  return Boolean(node.evidence?.trim()) && outcome.status === 'scored' && outcome.points > 0;
}
