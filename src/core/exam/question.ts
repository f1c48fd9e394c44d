/** Question types of the theory part. */
export const QUESTION_TYPES = ['single', 'multiple', 'true_false'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const QUESTION_STATUSES = ['draft', 'approved'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface QuestionOption {
  /** Stable key within the version ("a", "b", …): answers and shuffles refer to it, never to a position. */
  key: string;
  text: string;
  correct: boolean;
}

/** What a candidate sees and is graded on; a used question's content is never edited, a new version is made. */
export interface QuestionContent {
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  /** Shown to reviewers and, if the contest allows, to candidates after the results. */
  explanation?: string;
}

/** Bank metadata of a question (not versioned: it does not change what a candidate answered). */
export interface QuestionMeta {
  categoryId: string | null;
  tags: string[];
  difficulty: Difficulty;
  /** Source citation, e.g. document "Nghị định 30/2020/NĐ-CP", article "Điều 8". */
  sourceDocument?: string;
  sourceArticle?: string;
  status: QuestionStatus;
}
