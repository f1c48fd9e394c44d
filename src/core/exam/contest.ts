import type { Difficulty } from './question';

export const SECTION_CODES = ['theory', 'practice'] as const;
export type SectionCode = (typeof SECTION_CODES)[number];

/**
 * Draw `count` approved questions matching the filters (absent or null filter = any). A category
 * includes its subcategories when the assembler is given the category tree (see `assemble.ts`).
 */
export interface BlueprintRow {
  categoryId?: string | null;
  difficulty?: Difficulty;
  tag?: string;
  count: number;
}

/** The per-year rules of a contest, stored as one document. */
export interface ContestRules {
  /** Minutes from the session start (default 60). */
  durationMinutes: number;
  /** Saves arriving this many seconds after the deadline are still accepted (network slack). */
  graceSeconds: number;
  /** Total of the contest scale (default 100). */
  scale: number;
  sections: { code: SectionCode; name: string; points: number }[];
  blueprint: BlueprintRow[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Below this total (on the scale) the result is flagged "không xét khen thưởng" (default 50). */
  passThreshold: number;
  /** Multiple-choice questions: all-or-nothing, or partial credit (Moodle-style, never below zero). */
  multipleScoring: 'all_or_nothing' | 'partial';
  /**
   * Code of the practice scenario (đề thực hành) every candidate plays, scaled to the practice section's
   * points; null or absent: no practice sandbox, and the practice section counts 0 of its points.
   * Absent in rules saved before practice scenarios existed.
   */
  practiceScenario?: string | null;
}

/** One question of an attempt's paper, fixed at assembly so a reload shows the same order. */
export interface PaperItem {
  questionId: string;
  versionId: string;
  /** Option keys in the order this candidate sees them. */
  optionOrder: string[];
  /** Points of this item on the contest scale. */
  points: number;
}
