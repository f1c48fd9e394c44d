import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { PaperItem } from './contest';
import { type AnswerKey, creditFor, gradePaper } from './grade';

const item = (versionId: string, optionOrder: string[], points = 2): PaperItem => ({
  questionId: `q-${versionId}`,
  versionId,
  optionOrder,
  points,
});

const paper: PaperItem[] = [
  item('s1', ['c', 'a', 'd', 'b']),
  item('tf', ['d', 's']),
  item('m1', ['a', 'b', 'c', 'd', 'e']),
];
const keys: Record<string, AnswerKey> = {
  s1: { type: 'single', correct: ['b'] },
  tf: { type: 'true_false', correct: ['s'] },
  m1: { type: 'multiple', correct: ['a', 'c'] },
};

describe('gradePaper', () => {
  it('gives full points for correct answers, whatever the order shown', () => {
    const result = gradePaper(paper, { s1: ['b'], tf: ['s'], m1: ['c', 'a'] }, keys, {
      multipleScoring: 'all_or_nothing',
    });
    expect(result.score).toBe(6);
    expect(result.max).toBe(6);
    expect(result.items.every((i) => i.correct && i.answered)).toBe(true);
  });

  it('marks unanswered items as such, with no points', () => {
    const result = gradePaper(paper, { s1: [] }, keys, { multipleScoring: 'all_or_nothing' });
    expect(result.score).toBe(0);
    expect(result.items.map((i) => i.answered)).toEqual([false, false, false]);
  });

  it('gives nothing for two selections on a single-answer question', () => {
    const result = gradePaper(paper, { s1: ['b', 'a'], tf: ['d'] }, keys, { multipleScoring: 'partial' });
    expect(result.items[0]).toMatchObject({ points: 0, correct: false, answered: true });
    expect(result.items[1]).toMatchObject({ points: 0, correct: false });
  });

  it('all-or-nothing: a missing or an extra option earns nothing', () => {
    const rules = { multipleScoring: 'all_or_nothing' as const };
    expect(gradePaper(paper, { m1: ['a'] }, keys, rules).items[2]!.points).toBe(0);
    expect(gradePaper(paper, { m1: ['a', 'c', 'e'] }, keys, rules).items[2]!.points).toBe(0);
  });

  it('partial: +1/nCorrect per correct, −1/nWrong per wrong, never below zero', () => {
    const rules = { multipleScoring: 'partial' as const };
    const pts = (sel: string[]) => gradePaper(paper, { m1: sel }, keys, rules).items[2]!.points;
    expect(pts(['a'])).toBeCloseTo(1); // half of 2 points
    expect(pts(['a', 'b'])).toBeCloseTo(2 * (1 / 2 - 1 / 3));
    expect(pts(['b', 'd'])).toBe(0);
    expect(pts(['a', 'b', 'c', 'd', 'e'])).toBe(0);
    expect(pts(['a', 'c'])).toBe(2);
    expect(gradePaper(paper, { m1: ['a'] }, keys, rules).items[2]!.correct).toBe(false);
  });

  it('ignores repeated selections and keys not in the item', () => {
    const result = gradePaper(paper, { s1: ['b', 'b'], m1: ['a', 'c', 'zz'] }, keys, {
      multipleScoring: 'all_or_nothing',
    });
    expect(result.items[0]!.points).toBe(2);
    expect(result.items[2]!.points).toBe(2);
  });

  it('totals unrounded item points exactly (30 × 100/30 = 100)', () => {
    const big = Array.from({ length: 30 }, (_, i) => item(`v${i}`, ['a', 'b'], 100 / 30));
    const bigKeys = Object.fromEntries(
      big.map((b) => [b.versionId, { type: 'single', correct: ['a'] } as AnswerKey]),
    );
    const all = Object.fromEntries(big.map((b) => [b.versionId, ['a']]));
    const result = gradePaper(big, all, bigKeys, { multipleScoring: 'all_or_nothing' });
    expect(result.score).toBe(100);
    expect(result.max).toBe(100);
  });

  it('regrades with a corrected key without touching the answers', () => {
    const answers = { s1: ['a'] };
    const frozen = JSON.stringify(answers);
    const before = gradePaper(paper, answers, keys, { multipleScoring: 'partial' });
    const after = gradePaper(
      paper,
      answers,
      { ...keys, s1: { type: 'single', correct: ['a'] } },
      {
        multipleScoring: 'partial',
      },
    );
    expect([before.score, after.score]).toEqual([0, 2]);
    expect(JSON.stringify(answers)).toBe(frozen);
  });

  it('refuses to grade when a key is missing', () => {
    expect(() => gradePaper(paper, {}, { s1: keys.s1! }, { multipleScoring: 'partial' })).toThrow(AppError);
  });
});

describe('creditFor', () => {
  it('never gives credit for a key with no correct option', () => {
    expect(creditFor({ type: 'multiple', correct: [] }, ['a', 'b'], [], 'partial')).toBe(0);
    expect(creditFor({ type: 'single', correct: [] }, ['a', 'b'], [], 'all_or_nothing')).toBe(0);
  });
});
