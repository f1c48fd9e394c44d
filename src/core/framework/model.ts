/**
 * Level an index set is written for: the unit levels of the register plus the province (tỉnh), whose
 * set (the national provincial DTI) ranks provinces and cities against each other. Units keep their
 * own three levels; only index sets and scoring know the province.
 */
export const FRAMEWORK_LEVELS = ['tinh', 'so', 'huyen', 'xa'] as const;
export type FrameworkLevel = (typeof FRAMEWORK_LEVELS)[number];

/** The four kinds of node of an index set, from the root down. */
export const NODE_KINDS = ['pillar', 'main', 'component', 'criterion'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Which units a node applies to; an absent list means every level or every group. */
export interface Applicability {
  levels?: FrameworkLevel[];
  /** Sở groups (1, 2, 3) the node applies to. */
  groups?: number[];
}

/** How a leaf indicator turns its inputs into points. Every rule's points are clamped to [0, max]. */
export type Rule =
  /** a ÷ b × max; `target` is the ratio that earns full points (default 1); `cap` bounds the ratio. */
  | { type: 'ratio'; target?: number; cap?: number; whenDenominatorZero: 'zero' | 'full' | 'not_applicable' }
  /** The highest step whose `min` the input value reaches gives its points. */
  | { type: 'steps'; steps: { min: number; points: number }[] }
  /** One option (or several when `multiple`, summed) → fixed points or a fraction of max. */
  | {
      type: 'option';
      multiple?: boolean;
      options: { code: string; label: string; points?: number; fraction?: number }[];
    }
  | { type: 'yes_no' }
  /** min(count, cap) × pointsEach; pointsEach defaults to max ÷ cap. */
  | { type: 'count'; cap: number; pointsEach?: number }
  /** Linear between two goalposts: at `worst` 0 points, at `best` full points (best < worst = lower is better). */
  | { type: 'linear'; worst: number; best: number }
  /** Points set by a reviewer. */
  | { type: 'manual' }
  /** A custom formula over named numeric inputs, evaluated by our own safe parser. */
  | { type: 'expression'; inputs: { code: string; label: string }[]; formula: string };

export type RuleType = Rule['type'];

/** Raw inputs of one indicator for one unit: field name → value (fields depend on the rule type). */
export type RuleInput = Record<string, number | boolean | string | string[] | null | undefined>;

export interface FrameworkNode {
  /** Stable within a version ("1", "1.2", "1.2.3"); matched across versions for year-over-year. */
  code: string;
  kind: NodeKind;
  name: string;
  maxPoints: number;
  /** "Cách xác định và tính điểm". */
  method?: string;
  /** "Tài liệu kiểm chứng". */
  evidence?: string;
  /** "Nguồn thu thập dữ liệu". */
  dataSource?: string;
  /** "Đơn vị phối hợp xác minh số liệu". */
  verifier?: string;
  applicability?: Applicability;
  /** A unit may declare this node not applicable (with a reason). */
  mayBeNotApplicable?: boolean;
  /** Leaves only. */
  rule?: Rule;
  children?: FrameworkNode[];
}

export interface Band {
  code: string;
  label: string;
  /** Lowest value (0–1) of the band, inclusive. */
  minValue: number;
}

export interface ScoringPolicy {
  /** After not-applicable nodes leave score and maximum: rescale the total to the nominal maximum, or not. */
  notApplicable: 'rescale' | 'rank_separately';
  /** Missing leaf data: counts as zero points, or makes the leaf not applicable. */
  missing: 'zero' | 'not_applicable';
  /** Rounding of leaf points (aggregates and values are never rounded; display rounds). */
  rounding: { decimals: number; mode: 'half_up' | 'half_even' | 'none' };
  bands: Band[];
}

/** One index set (bộ chỉ số) as data: the JSON document stored per version. */
export interface Framework {
  formatVersion: 1;
  /** Family code shared by the versions of one set across years, e.g. "cantho-so". */
  code: string;
  name: string;
  year: number;
  level: FrameworkLevel;
  /** Nominal maximum of the set (300 for a sở, 250 for a xã, 1000 for the provincial DTI). */
  nominalMax: number;
  /** "Mẫu minh họa": indicators written from real patterns because the official list is not public. */
  illustrative: boolean;
  /** Legal basis, e.g. "Quyết định 2088/QĐ-UBND ngày 14/7/2022". */
  source?: string;
  groups?: { no: number; name: string }[];
  policy: ScoringPolicy;
  /** Codes of the previous version renamed in this one: old code → new code. */
  renamedFrom?: Record<string, string>;
  nodes: FrameworkNode[];
}
