import { describe, expect, it } from 'vitest';
import type { QuestionContent, QuestionMeta } from './question';
import {
  contentChanged,
  needsNewVersion,
  normaliseMeta,
  normaliseQuestion,
  validateQuestion,
} from './validate-question';

const single: QuestionContent = {
  type: 'single',
  stem: 'Ngày Chuyển đổi số quốc gia là ngày nào?',
  options: [
    { key: 'a', text: '10/10', correct: true },
    { key: 'b', text: '03/6', correct: false },
    { key: 'c', text: '27/9', correct: false },
  ],
};
const trueFalse: QuestionContent = {
  type: 'true_false',
  stem: 'Chữ ký số bảo đảm tính bí mật của văn bản.',
  options: [
    { key: 'd', text: 'Đúng', correct: false },
    { key: 's', text: 'Sai', correct: true },
  ],
};
const multiple: QuestionContent = {
  type: 'multiple',
  stem: 'Chọn các thành phần thể thức chính của văn bản hành chính.',
  options: [
    { key: 'a', text: 'Số, ký hiệu', correct: true },
    { key: 'b', text: 'Nơi nhận', correct: true },
    { key: 'c', text: 'Mã QR', correct: false },
  ],
};
const meta: QuestionMeta = { categoryId: null, tags: ['ND 30'], difficulty: 'easy', status: 'approved' };

const fields = (c: QuestionContent, m?: QuestionMeta) => validateQuestion(c, m).map((p) => p.field);

describe('validateQuestion', () => {
  it('accepts well-formed questions of each type', () => {
    for (const q of [single, trueFalse, multiple]) expect(validateQuestion(q, meta)).toEqual([]);
  });

  it('requires a stem', () => {
    const problems = validateQuestion({ ...single, stem: '   ' });
    expect(problems).toEqual([{ field: 'stem', message: 'Nội dung câu hỏi không được để trống' }]);
  });

  it('requires 2 to 8 options', () => {
    expect(fields({ ...single, options: [single.options[0]!] })).toContain('options');
    const nine = Array.from({ length: 9 }, (_, i) => ({
      key: `k${i}`,
      text: `Phương án ${i}`,
      correct: i === 0,
    }));
    expect(fields({ ...single, options: nine })).toEqual(['options']);
  });

  it('refuses duplicate keys and duplicate texts, but not texts differing in case', () => {
    const dupKey = { ...single, options: [...single.options, { key: 'a', text: 'Khác', correct: false }] };
    expect(fields(dupKey)).toEqual(['options.3.key']);
    const dupText = {
      ...single,
      options: [...single.options, { key: 'd', text: '  27/9 ', correct: false }],
    };
    expect(fields(dupText)).toEqual(['options.3.text']);
    const caseOnly = {
      ...single,
      options: [
        ...single.options,
        { key: 'd', text: 'SỐ: 05/qđ-ubnd', correct: false },
        { key: 'e', text: 'Số: 05/QĐ-UBND', correct: false },
      ],
    };
    expect(fields(caseOnly)).toEqual([]);
  });

  it('needs exactly one correct option for a single-answer question', () => {
    const none = { ...single, options: single.options.map((o) => ({ ...o, correct: false })) };
    const two = { ...single, options: single.options.map((o, i) => ({ ...o, correct: i < 2 })) };
    expect(validateQuestion(none)[0]!.message).toContain('(hiện có 0)');
    expect(validateQuestion(two)[0]!.message).toContain('(hiện có 2)');
  });

  it('needs at least one correct and one wrong option for a multiple-answer question', () => {
    const none = { ...multiple, options: multiple.options.map((o) => ({ ...o, correct: false })) };
    const all = { ...multiple, options: multiple.options.map((o) => ({ ...o, correct: true })) };
    expect(validateQuestion(none).map((p) => p.message)).toEqual([
      'Câu nhiều đáp án phải có ít nhất một phương án đúng',
    ]);
    expect(validateQuestion(all).map((p) => p.message)).toEqual([
      'Câu nhiều đáp án phải có ít nhất một phương án sai',
    ]);
  });

  it('requires true/false options to be exactly Đúng then Sai, one of them correct', () => {
    const swapped = { ...trueFalse, options: [trueFalse.options[1]!, trueFalse.options[0]!] };
    expect(fields(swapped)).toEqual(['options']);
    const other = {
      ...trueFalse,
      options: [{ ...trueFalse.options[0]!, text: 'Có' }, trueFalse.options[1]!],
    };
    expect(fields(other)).toEqual(['options']);
    const both = { ...trueFalse, options: trueFalse.options.map((o) => ({ ...o, correct: true })) };
    expect(fields(both)).toEqual(['options']);
    const decomposed = {
      ...trueFalse,
      options: trueFalse.options.map((o) => ({ ...o, text: o.text.normalize('NFD') })),
    };
    expect(validateQuestion(decomposed)).toEqual([]);
  });

  it('checks the metadata when given', () => {
    expect(fields(single, { ...meta, difficulty: 'trivial' as QuestionMeta['difficulty'] })).toEqual([
      'difficulty',
    ]);
    expect(fields(single, { ...meta, tags: [' '] })).toEqual(['tags']);
    expect(fields(single, { ...meta, status: 'published' as QuestionMeta['status'] })).toEqual(['status']);
  });

  it('refuses an unknown type', () => {
    expect(fields({ ...single, type: 'essay' as QuestionContent['type'] })).toContain('type');
  });
});

describe('normaliseQuestion', () => {
  it('composes to NFC, trims and collapses spaces, keeps line breaks in the stem', () => {
    const q = normaliseQuestion({
      type: 'single',
      stem: '  Theo   Nghị định 30,\r\n\r\n\r\n  văn thư  '.normalize('NFD'),
      options: [
        { key: ' a ', text: '  Đúng   hạn ', correct: true },
        { key: 'b', text: 'Trễ', correct: false },
      ],
      explanation: '   ',
    });
    expect(q.stem).toBe('Theo Nghị định 30,\n\nvăn thư'.normalize('NFC'));
    expect(q.options[0]).toEqual({ key: 'a', text: 'Đúng hạn', correct: true });
    expect(q.explanation).toBeUndefined();
    expect(q.stem).toBe(q.stem.normalize('NFC'));
  });

  it('drops duplicate tags ignoring diacritics', () => {
    expect(normaliseMeta({ ...meta, tags: ['Chữ ký số', 'chu ky so', ' ND 30 '] }).tags).toEqual([
      'Chữ ký số',
      'ND 30',
    ]);
  });
});

describe('needsNewVersion', () => {
  it('makes a new version only when a used question’s content changes', () => {
    const edited = { ...single, stem: 'Ngày nào là Ngày Chuyển đổi số quốc gia?' };
    expect(needsNewVersion(true, single, edited)).toBe(true);
    expect(needsNewVersion(false, single, edited)).toBe(false);
    expect(needsNewVersion(true, single, { ...single })).toBe(false);
  });

  it('sees changes to the key, an option text, the option order and the explanation', () => {
    const rekeyed = { ...single, options: single.options.map((o, i) => ({ ...o, correct: i === 1 })) };
    expect(contentChanged(single, rekeyed)).toBe(true);
    expect(contentChanged(single, { ...single, options: [...single.options].reverse() })).toBe(true);
    expect(contentChanged(single, { ...single, explanation: 'QĐ 505/QĐ-TTg' })).toBe(true);
  });

  it('ignores changes that normalisation removes', () => {
    expect(contentChanged(single, { ...single, stem: `  ${single.stem.normalize('NFD')} ` })).toBe(false);
  });
});
