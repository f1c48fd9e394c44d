import type { Difficulty, QuestionType } from '../../../core/exam/question';
import { foldVietnamese } from '../../../core/shared/text';

/** Words written in the Excel file for each type and level; the first is what export writes. */
export const TYPE_WORDS: Record<QuestionType, string[]> = {
  single: ['Một đáp án', 'single', 'mot lua chon', '1 dap an'],
  multiple: ['Nhiều đáp án', 'multiple', 'nhieu lua chon'],
  true_false: ['Đúng/Sai', 'dung-sai', 'dung sai', 'true/false', 'true_false', 'truefalse'],
};

export const DIFFICULTY_WORDS: Record<Difficulty, string[]> = {
  easy: ['Dễ', 'easy'],
  medium: ['Trung bình', 'medium', 'tb'],
  hard: ['Khó', 'hard'],
};

function lookup<K extends string>(words: Record<K, string[]>, text: string): K | null {
  const folded = foldVietnamese(text).replace(/\s*([/-])\s*/g, '$1');
  for (const [key, list] of Object.entries(words) as [K, string[]][]) {
    if (list.some((w) => foldVietnamese(w).replace(/\s*([/-])\s*/g, '$1') === folded)) return key;
  }
  return null;
}

export const typeFromWord = (text: string) => lookup(TYPE_WORDS, text);
export const difficultyFromWord = (text: string) => lookup(DIFFICULTY_WORDS, text);
export const typeWord = (t: QuestionType) => TYPE_WORDS[t][0]!;
export const difficultyWord = (d: Difficulty) => DIFFICULTY_WORDS[d][0]!;

/** "Đúng"/"Sai" (or true/false) as a boolean; null when it is neither. */
export function truthFromWord(text: string): boolean | null {
  const f = foldVietnamese(text);
  if (['dung', 'true', 't', 'd'].includes(f)) return true;
  if (['sai', 'false', 'f', 's'].includes(f)) return false;
  return null;
}
