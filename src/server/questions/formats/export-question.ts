import type { Difficulty, QuestionOption, QuestionType } from '../../../core/exam/question';

/** A bank question as written to an export file. */
export interface ExportQuestion {
  code: string | null;
  categoryPath: string[];
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  explanation: string | null;
  difficulty: Difficulty;
  tags: string[];
  sourceDocument: string | null;
  sourceArticle: string | null;
}
