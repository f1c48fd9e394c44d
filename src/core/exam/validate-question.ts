import { foldVietnamese } from '../shared/text';
import {
  DIFFICULTIES,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  type QuestionContent,
  type QuestionMeta,
} from './question';

export interface QuestionProblem {
  /** "type", "stem", "options", "options.2.text", "explanation", "tags", … */
  field: string;
  message: string;
}

/** The two options of a true/false question, in this order. */
export const TRUE_FALSE_TEXTS = ['Đúng', 'Sai'] as const;

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 8;
const MAX_STEM = 2000;
const MAX_OPTION_TEXT = 500;
const MAX_EXPLANATION = 4000;
const MAX_TAGS = 20;
const MAX_TAG = 50;
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

/** NFC, trimmed lines, runs of spaces collapsed; keeps line breaks (a stem may quote a document). */
function cleanMultiline(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const cleanLine = (input: string) => input.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Normalises a question's text (NFC, trimmed, spaces collapsed); an empty explanation is dropped. */
export function normaliseQuestion(content: QuestionContent): QuestionContent {
  const explanation = content.explanation === undefined ? undefined : cleanMultiline(content.explanation);
  const out: QuestionContent = {
    type: content.type,
    stem: cleanMultiline(content.stem ?? ''),
    options: (content.options ?? []).map((o) => ({
      key: (o.key ?? '').trim(),
      text: cleanLine(o.text ?? ''),
      correct: o.correct === true,
    })),
  };
  if (explanation) out.explanation = explanation;
  return out;
}

/** Normalises bank metadata: tags trimmed, NFC, duplicates (ignoring diacritics and case) dropped. */
export function normaliseMeta(meta: QuestionMeta): QuestionMeta {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of meta.tags ?? []) {
    const tag = cleanLine(raw);
    const folded = foldVietnamese(tag);
    if (tag && !seen.has(folded)) {
      seen.add(folded);
      tags.push(tag);
    }
  }
  return {
    ...meta,
    tags,
    sourceDocument: meta.sourceDocument ? cleanLine(meta.sourceDocument) || undefined : undefined,
    sourceArticle: meta.sourceArticle ? cleanLine(meta.sourceArticle) || undefined : undefined,
  };
}

function validateOptions(content: QuestionContent, add: (field: string, message: string) => void): void {
  const options = content.options ?? [];
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    add(
      'options',
      `Câu hỏi phải có từ ${MIN_OPTIONS} đến ${MAX_OPTIONS} phương án (hiện có ${options.length})`,
    );
  }
  const keys = new Set<string>();
  const texts = new Set<string>();
  options.forEach((o, i) => {
    const label = `Phương án ${i + 1}`;
    if (!KEY_PATTERN.test(o.key ?? '')) {
      add(`options.${i}.key`, `${label}: mã phương án gồm 1–16 chữ cái, chữ số, gạch ngang hoặc gạch dưới`);
    } else if (keys.has(o.key)) {
      add(`options.${i}.key`, `${label}: mã phương án “${o.key}” bị trùng`);
    }
    keys.add(o.key);
    const text = (o.text ?? '').trim();
    if (!text) add(`options.${i}.text`, `${label}: nội dung không được để trống`);
    else if (text.length > MAX_OPTION_TEXT) {
      add(`options.${i}.text`, `${label}: nội dung dài quá ${MAX_OPTION_TEXT} ký tự`);
    } else if (texts.has(cleanLine(text))) {
      add(`options.${i}.text`, `${label}: nội dung trùng với một phương án khác`);
    }
    // Exact comparison: a format question may offer "Số: 05/QĐ-UBND" against "SỐ: 05/qđ-ubnd".
    texts.add(cleanLine(text));
  });

  const nCorrect = options.filter((o) => o.correct === true).length;
  if (content.type === 'single' && nCorrect !== 1) {
    add('options', `Câu một đáp án phải có đúng một phương án đúng (hiện có ${nCorrect})`);
  }
  if (content.type === 'true_false') {
    const actual = options.map((o) => (o.text ?? '').normalize('NFC').trim());
    if (actual.length !== 2 || actual[0] !== TRUE_FALSE_TEXTS[0] || actual[1] !== TRUE_FALSE_TEXTS[1]) {
      add('options', 'Câu đúng/sai phải có đúng hai phương án “Đúng” và “Sai”, theo thứ tự đó');
    }
    if (nCorrect !== 1)
      add('options', 'Câu đúng/sai phải chọn một trong hai phương án “Đúng” hoặc “Sai” là đáp án');
  }
  if (content.type === 'multiple') {
    if (nCorrect < 1) add('options', 'Câu nhiều đáp án phải có ít nhất một phương án đúng');
    // With every option correct, "select all" would always score: keep at least one distractor.
    if (options.length > 0 && nCorrect === options.length) {
      add('options', 'Câu nhiều đáp án phải có ít nhất một phương án sai');
    }
  }
}

/** Checks a question (content and, if given, bank metadata); returns every problem, in Vietnamese. */
export function validateQuestion(content: QuestionContent, meta?: QuestionMeta): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (!QUESTION_TYPES.includes(content.type)) {
    add('type', 'Loại câu hỏi phải là một đáp án, nhiều đáp án hoặc đúng/sai');
  }
  const stem = (content.stem ?? '').trim();
  if (!stem) add('stem', 'Nội dung câu hỏi không được để trống');
  else if (stem.length > MAX_STEM) add('stem', `Nội dung câu hỏi dài quá ${MAX_STEM} ký tự`);
  validateOptions(content, add);
  if (content.explanation && content.explanation.length > MAX_EXPLANATION) {
    add('explanation', `Giải thích dài quá ${MAX_EXPLANATION} ký tự`);
  }

  if (meta) {
    if (!DIFFICULTIES.includes(meta.difficulty)) add('difficulty', 'Mức độ phải là dễ, trung bình hoặc khó');
    if (!QUESTION_STATUSES.includes(meta.status)) add('status', 'Trạng thái phải là nháp hoặc đã duyệt');
    const tags = meta.tags ?? [];
    if (tags.length > MAX_TAGS) add('tags', `Một câu hỏi có tối đa ${MAX_TAGS} nhãn`);
    if (tags.some((t) => !t.trim() || t.trim().length > MAX_TAG)) {
      add('tags', `Mỗi nhãn dài từ 1 đến ${MAX_TAG} ký tự`);
    }
    if (meta.sourceDocument && meta.sourceDocument.length > 300)
      add('sourceDocument', 'Tên văn bản nguồn quá dài');
    if (meta.sourceArticle && meta.sourceArticle.length > 200)
      add('sourceArticle', 'Điều khoản nguồn quá dài');
  }
  return problems;
}

/** Whether two contents differ in anything a candidate sees or is graded on (after normalisation). */
export function contentChanged(before: QuestionContent, after: QuestionContent): boolean {
  const a = normaliseQuestion(before);
  const b = normaliseQuestion(after);
  if (a.type !== b.type || a.stem !== b.stem || (a.explanation ?? '') !== (b.explanation ?? '')) return true;
  if (a.options.length !== b.options.length) return true;
  return a.options.some((o, i) => {
    const p = b.options[i]!;
    return o.key !== p.key || o.text !== p.text || o.correct !== p.correct;
  });
}

/**
 * Editing the content of a version a paper already used creates a new version (the old one stays for
 * the attempts that saw it); metadata (category, tags, difficulty, source, status) never does.
 */
export function needsNewVersion(used: boolean, before: QuestionContent, after: QuestionContent): boolean {
  return used && contentChanged(before, after);
}
