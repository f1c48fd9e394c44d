import type { FrameworkLevel, RuleInput } from '../framework/model';

/** What a unit entered for one node: the rule's inputs, or a declaration that the node does not apply. */
export type LeafEntry = RuleInput | { notApplicable: true; reason: string };

/** One unit's data for one framework: node code → entry (leaves, or any node it may declare N/A). */
export interface UnitData {
  unitId: string;
  /** The level of the set it is scored on: its register level, or 'tinh' for a province. */
  level: FrameworkLevel;
  group: number | null;
  inputs: Record<string, LeafEntry>;
}

/** Score of one node for one unit. `value` = points ÷ max, null when the node has no maximum. */
export interface NodeScore {
  points: number;
  max: number;
  value: number | null;
  applicable: boolean;
  /** No data entered (scored 0 or left out, per `policy.missing`). */
  missing?: true;
  /** The data could not be scored; the leaf counts 0 and the problem is in `issues`. */
  invalid?: true;
  /** Why the node does not apply to this unit (declared by the unit or decided by its rule). */
  reason?: string;
}

export interface ScoreIssue {
  code: string;
  kind: 'invalid' | 'not_applicable_refused' | 'unknown_code';
  message: string;
}

export interface UnitScore {
  unitId: string;
  level: FrameworkLevel;
  group: number | null;
  /** `scaled` (policy 'rescale' only) = points × nominal maximum ÷ applicable maximum. */
  total: { points: number; max: number; value: number | null; scaled?: number };
  /** Every node that applies to the unit's level and group, applicable for this unit or not. */
  nodes: Record<string, NodeScore>;
  /** Top-most nodes this unit left out (declared, rule or missing data), sorted: its "shape". */
  excluded: string[];
  issues: ScoreIssue[];
}
