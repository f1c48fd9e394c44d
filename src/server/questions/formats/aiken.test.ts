import { describe, expect, it } from 'vitest';
import { parseAiken } from './aiken';

describe('Aiken', () => {
  it('reads stems, options "A." and "B)", and the answer; several answers make a multiple-answer question', () => {
    const { questions } = parseAiken(
      'Câu một?\nA. x\nB) y\nANSWER: B\n\nCâu hai?\nA. p\nB. q\nC. r\nANSWER: A, C\n',
    );
    expect(questions.map((q) => [q.ref.label, q.type, q.stem, q.options.map((o) => o.correct)])).toEqual([
      ['Câu 1 (dòng 1)', 'single', 'Câu một?', [false, true]],
      ['Câu 2 (dòng 6)', 'multiple', 'Câu hai?', [true, false, true]],
    ]);
    expect(questions.every((q) => q.errors.length === 0)).toBe(true);
  });

  it('reports a missing ANSWER line, an unknown letter and a stray line, each at its question', () => {
    const { questions } = parseAiken(
      'Một?\nA. x\nB. y\n\nHai?\nA. x\nB. y\nANSWER: E\n\nBa?\nA. x\nlạc dòng\nANSWER: A\n',
    );
    expect(questions.map((q) => q.errors)).toEqual([
      ['Thiếu dòng "ANSWER: …" sau các phương án'],
      ['Dòng 8: đáp án E không có trong các phương án'],
      ['Dòng 12: không phải phương án ("A. …") hay "ANSWER: …"'],
    ]);
  });
});
