import type { Difficulty, QuestionOption, QuestionType } from '../../../core/exam/question';

/** Where a question sits in its file: an Excel row, a text line or a question number. */
export interface SourceRef {
  kind: 'row' | 'line' | 'question';
  number: number;
  /** Shown to the user, e.g. "Dòng 5", "Câu 3 (dòng 12)". */
  label: string;
}

/** A question read from an import file, before validation against the bank. */
export interface ParsedQuestion {
  ref: SourceRef;
  code: string | null;
  /** Category names from the root down; empty = no category. */
  categoryPath: string[];
  type: QuestionType | null;
  stem: string;
  options: QuestionOption[];
  explanation: string | null;
  difficulty: Difficulty | null;
  tags: string[];
  sourceDocument: string | null;
  sourceArticle: string | null;
  /** Problems found while reading (syntax, unknown type); validation adds content problems later. */
  errors: string[];
}

export interface ParseResult {
  questions: ParsedQuestion[];
  /** Problems not tied to one question (a missing column, an unreadable file part). */
  fileErrors: { ref: SourceRef; messages: string[] }[];
}

/** Caps that keep a hostile or mistaken upload from exhausting the server. */
export const MAX_IMPORT_QUESTIONS = 5000;
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export function optionKey(index: number): string {
  return String.fromCharCode(97 + index);
}

export function emptyQuestion(ref: SourceRef): ParsedQuestion {
  return {
    ref,
    code: null,
    categoryPath: [],
    type: null,
    stem: '',
    options: [],
    explanation: null,
    difficulty: null,
    tags: [],
    sourceDocument: null,
    sourceArticle: null,
    errors: [],
  };
}

/** "A / B / C" → ["A", "B", "C"]. */
export function splitCategoryPath(path: string): string[] {
  return path
    .split(/\s+\/\s+|\s*\/\s*/)
    .map((p) => p.normalize('NFC').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function joinCategoryPath(path: string[]): string {
  return path.join(' / ');
}

/** The options of a true/false question, in the bank's fixed order ("Đúng" then "Sai"). */
export function trueFalseOptions(answerIsTrue: boolean): QuestionOption[] {
  return [
    { key: 'dung', text: 'Đúng', correct: answerIsTrue },
    { key: 'sai', text: 'Sai', correct: !answerIsTrue },
  ];
}

export function lineRef(questionNo: number, line: number): SourceRef {
  return { kind: 'question', number: questionNo, label: `Câu ${questionNo} (dòng ${line})` };
}

/** Decodes an uploaded text file: UTF-8 only (with or without BOM), refusing binary data. */
export function decodeText(data: Buffer): string | null {
  if (data.includes(0)) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .normalize('NFC');
  } catch {
    return null;
  }
}
