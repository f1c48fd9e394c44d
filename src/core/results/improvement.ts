import type { LeagueRow } from './league';

/**
 * The most improved units of a league table: by value change (default) or rank change, largest first;
 * units without a previous year are left out. Ties keep the table's order.
 */
export function mostImproved(
  rows: readonly LeagueRow[],
  opts: { by?: 'value' | 'rank'; top?: number } = {},
): LeagueRow[] {
  const by = opts.by ?? 'value';
  const change = (r: LeagueRow) => (by === 'value' ? r.valueChange : r.rankChange);
  return rows
    .filter((r) => change(r) !== null)
    .sort((a, b) => change(b)! - change(a)!)
    .slice(0, opts.top ?? 10);
}

/** Totals of one stage (the snapshot's `self` and `appraised`). */
export interface StageTotals {
  points: number;
  max: number;
  value: number | null;
}

export interface SelfAppraisedGap {
  unitId: string;
  self: StageTotals;
  appraised: StageTotals | null;
  /** appraised − self in points: negative when the reviewers lowered the score (as the council table). */
  gapPoints: number | null;
  /** appraised − self on the 0–1 scale. */
  gapValue: number | null;
  /** gapPoints ÷ self points (−0.1 = the appraisal took away 10% of what the unit claimed); null from 0. */
  relative: number | null;
}

/** Per unit, the gap between the self-assessed and the appraised totals, absolute and relative. */
export function selfAppraisedGaps(
  units: readonly { unitId: string; self: StageTotals; appraised: StageTotals | null }[],
): SelfAppraisedGap[] {
  return units.map((u) => {
    const a = u.appraised;
    const gapPoints = a ? a.points - u.self.points : null;
    return {
      unitId: u.unitId,
      self: u.self,
      appraised: a,
      gapPoints,
      gapValue: a && a.value !== null && u.self.value !== null ? a.value - u.self.value : null,
      relative: gapPoints !== null && u.self.points > 0 ? gapPoints / u.self.points : null,
    };
  });
}

export interface EvidenceCompleteness {
  unitId: string;
  /** Indicators that need evidence (the set names documents and the unit claims points). */
  required: number;
  provided: number;
  missing: number;
  /** provided ÷ required; null when nothing needs evidence. */
  share: number | null;
}

/**
 * Evidence completeness per unit from counts the caller supplies (published snapshots do not carry
 * evidence), least complete first; units with nothing to prove come last.
 */
export function evidenceCompleteness(
  counts: readonly { unitId: string; required: number; provided: number }[],
): EvidenceCompleteness[] {
  return counts
    .map((c) => {
      const provided = Math.min(c.provided, c.required);
      return {
        unitId: c.unitId,
        required: c.required,
        provided,
        missing: c.required - provided,
        share: c.required > 0 ? provided / c.required : null,
      };
    })
    .sort((a, b) => (a.share ?? 2) - (b.share ?? 2));
}
