import { describe, expect, it } from 'vitest';
import type { PaperItem } from './contest';
import { type AnswerKey, gradePaper } from './grade';
import { regradePaper, resultChange } from './regrade';

const RULES = { multipleScoring: 'all_or_nothing' as const };
const item = (versionId: string, points: number): PaperItem => ({
  questionId: `q-${versionId}`,
  versionId,
  optionOrder: ['a', 'b', 'c', 'd'],
  points,
});
const KEYS: Record<string, AnswerKey> = {
  v1: { type: 'single', correct: ['b'] },
  v2: { type: 'single', correct: ['b'] },
  v3: { type: 'single', correct: ['b'] },
};

// Three items of 20 points (a 60-point theory section). Answers: v1 c (wrong), v2 b (right), v3 none.
const PAPER = [item('v1', 20), item('v2', 20), item('v3', 20)];
const ANSWERS = { v1: ['c'], v2: ['b'] };

describe('regradePaper', () => {
  it('without corrections equals gradePaper', () => {
    const plain = gradePaper(PAPER, ANSWERS, KEYS, RULES);
    const again = regradePaper(PAPER, ANSWERS, KEYS, [], RULES);
    expect(again).toEqual({ ...plain, scale: 1 });
    expect(again.score).toBe(20);
  });

  it('a corrected key grades against the new options', () => {
    // v1 key b → c: v1 now right, 20 + 20 = 40.
    const r = regradePaper(PAPER, ANSWERS, KEYS, [{ versionId: 'v1', mode: 'key', correct: ['c'] }], RULES);
    expect(r.score).toBe(40);
    expect(r.items[0]).toMatchObject({ points: 20, correct: true, override: 'key' });
  });

  it('a one-answer question corrected to two options accepts either', () => {
    // v1 key {b, c}: "c" alone is accepted → 40; a candidate choosing "a" still gets 0 for v1.
    const o = [{ versionId: 'v1', mode: 'key' as const, correct: ['b', 'c'] }];
    expect(regradePaper(PAPER, ANSWERS, KEYS, o, RULES).score).toBe(40);
    expect(regradePaper(PAPER, { ...ANSWERS, v1: ['a'] }, KEYS, o, RULES).score).toBe(20);
    // Choosing both is not one answer: 0 for v1.
    expect(regradePaper(PAPER, { ...ANSWERS, v1: ['b', 'c'] }, KEYS, o, RULES).score).toBe(20);
  });

  it('drop_credit gives the full points to everyone who had the question, answered or not', () => {
    // v3 unanswered but dropped with credit: 20 (v2) + 20 (v3) = 40; max stays 60.
    const r = regradePaper(PAPER, ANSWERS, KEYS, [{ versionId: 'v3', mode: 'drop_credit' }], RULES);
    expect(r).toMatchObject({ score: 40, max: 60, scale: 1 });
  });

  it('drop_remove takes the question out and rescales the rest to the full points', () => {
    // v1 removed: v2 20 of the 40 still counted → 20 × 60/40 = 30, max 60.
    const r = regradePaper(PAPER, ANSWERS, KEYS, [{ versionId: 'v1', mode: 'drop_remove' }], RULES);
    expect(r).toMatchObject({ score: 30, max: 60, scale: 1.5 });
    // 30 items of 100/30 points, 17 right; remove one wrong → 17 × (100/30) × 30/29 = 1700/29 = 58.62069.
    const big = Array.from({ length: 30 }, (_, i) => item(`w${i}`, 100 / 30));
    const keys = Object.fromEntries(
      big.map((p) => [p.versionId, { type: 'single' as const, correct: ['a'] }]),
    );
    const answers = Object.fromEntries(big.map((p, i) => [p.versionId, [i < 17 ? 'a' : 'b']]));
    const out = regradePaper(big, answers, keys, [{ versionId: 'w29', mode: 'drop_remove' }], RULES);
    expect(out.score).toBeCloseTo(58.62069, 5);
    expect(out.max).toBe(100);
  });

  it('every question removed gives 0', () => {
    const all = PAPER.map((p) => ({ versionId: p.versionId, mode: 'drop_remove' as const }));
    expect(regradePaper(PAPER, ANSWERS, KEYS, all, RULES).score).toBe(0);
  });
});

describe('resultChange', () => {
  const rules = {
    sections: [
      { code: 'theory' as const, name: 'Lý thuyết', points: 60 },
      { code: 'practice' as const, name: 'Thực hành', points: 40 },
    ],
    passThreshold: 50,
    practiceScenario: 'kb',
  };
  it('reports the delta of the total and the flag crossing the threshold', () => {
    // Theory 30 → 45 with practice 11/55 × 40 = 8: total 38 → 53, crosses 50.
    const base = { practiceRaw: 11, practiceRawMax: 55, adjustments: [] };
    const c = resultChange({ theory: 30, ...base }, { theory: 45, ...base }, rules);
    expect(c).toMatchObject({
      before: { theory: 30, practice: 8, total: 38, flag: 'khong_xet_khen_thuong' },
      after: { theory: 45, practice: 8, total: 53, flag: 'pass' },
      delta: 15,
      changed: true,
    });
  });

  it('with the practice ungraded, the theory delta', () => {
    const base = { practiceRaw: null, practiceRawMax: null, adjustments: [] };
    const c = resultChange({ theory: 30, ...base }, { theory: 20, ...base }, rules);
    expect(c).toMatchObject({ before: { total: null }, delta: -10, changed: true });
    expect(resultChange({ theory: 30, ...base }, { theory: 30, ...base }, rules).changed).toBe(false);
  });
});
