import type { Framework } from '../framework/model';
import type { UnitScore } from '../scoring/types';
import type { LinkKind } from '../units/unit';

/** A link of the unit register: `predecessorId` ended and (part of) it lives on in `successorId`. */
export interface UnitLink {
  predecessorId: string;
  successorId: string;
  kind: LinkKind;
  effectiveDate: string;
}

/** One year's results: its index sets (one per level) and every unit's final score. */
export interface YearResults {
  year: number;
  frameworks: Framework[];
  scores: UnitScore[];
}

/** How a unit's past result was obtained: its own, the mean of several predecessors, or one predecessor. */
export type HistoryBasis = 'own' | 'merged' | 'predecessor';

/** How the history of a merged unit is averaged. */
export interface MergeHistoryOptions {
  /** 'mean' (default) as the national DTI 2024 did for merged provinces (dti.md §8), or 'weighted'. */
  method?: 'mean' | 'weighted';
  /** Weight of a predecessor in a year for 'weighted' (e.g. population, number of communes). */
  weightOf?: (unitId: string, year: number) => number | undefined;
}
