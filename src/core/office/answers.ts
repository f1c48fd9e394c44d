import { AppError } from '../shared/app-error';
import { cleanText } from '../shared/text';
import { assertOpen, withEvent } from './helpers';
import type { ActionContext, Answer, SandboxState } from './state';

const MAX_ANSWER = 500;

/** Records (or replaces) the candidate's answer to a scenario question: an option code or a short text. */
export function answerQuestion(
  state: SandboxState,
  questionKey: string,
  input: { option?: string; text?: string },
  ctx: ActionContext,
): SandboxState {
  assertOpen(state);
  const question = state.questions.find((q) => q.key === questionKey);
  if (!question) throw new AppError('not_found', 'Không tìm thấy câu hỏi');
  let answer: Answer;
  if (question.options) {
    if (!input.option || !question.options.some((o) => o.code === input.option)) {
      throw new AppError('validation_failed', 'Hãy chọn một phương án của câu hỏi');
    }
    answer = { question: questionKey, option: input.option, at: ctx.now };
  } else {
    const text = cleanText(input.text ?? '');
    if (!text) throw new AppError('validation_failed', 'Chưa nhập câu trả lời');
    if (text.length > MAX_ANSWER) throw new AppError('validation_failed', 'Câu trả lời quá dài');
    answer = { question: questionKey, text, at: ctx.now };
  }
  const answers = [...state.answers.filter((a) => a.question !== questionKey), answer];
  return withEvent({ ...state, answers }, ctx, 'question_answered', { ...answer });
}

/** Ends the attempt's sandbox: it is kept for review and appeals but accepts no further action. */
export function closeSandbox(state: SandboxState, ctx: ActionContext): SandboxState {
  if (state.closedAt) return state;
  return withEvent({ ...state, closedAt: ctx.now }, ctx, 'sandbox_closed', {});
}
