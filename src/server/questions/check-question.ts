import type { TQuestionInput } from '../../contracts/questions';
import type { QuestionContent, QuestionMeta } from '../../core/exam/question';
import { normaliseMeta, normaliseQuestion, validateQuestion } from '../../core/exam/validate-question';
import { AppError } from '../../core/shared/app-error';
import { cleanText } from '../../core/shared/text';

export interface CheckedQuestion {
  content: QuestionContent;
  meta: Omit<QuestionMeta, 'status'>;
  code: string | null;
}

/** Normalises a question and throws `validation_failed` with every problem (field paths as the form's). */
export function checkQuestion(
  input: TQuestionInput,
  status: QuestionMeta['status'] = 'draft',
): CheckedQuestion {
  const content = normaliseQuestion({
    type: input.type,
    stem: input.stem,
    options: input.options,
    ...(input.explanation ? { explanation: input.explanation } : {}),
  });
  const meta = normaliseMeta({
    categoryId: input.categoryId,
    tags: input.tags,
    difficulty: input.difficulty,
    sourceDocument: input.sourceDocument ?? undefined,
    sourceArticle: input.sourceArticle ?? undefined,
    status,
  });
  const problems = validateQuestion(content, meta);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
  }
  const { status: _status, ...rest } = meta;
  return { content, meta: rest, code: input.code ? cleanText(input.code) || null : null };
}
