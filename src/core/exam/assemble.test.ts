import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { assemblePaper, checkBlueprint, type PoolQuestion } from './assemble';
import type { ContestRules } from './contest';
import type { Difficulty } from './question';
import { defaultContestRules } from './rules';

const difficulties: Difficulty[] = ['easy', 'medium', 'hard'];

function makePool(n: number, over: (i: number) => Partial<PoolQuestion> = () => ({})): PoolQuestion[] {
  return Array.from({ length: n }, (_, i) => ({
    questionId: `q${String(i).padStart(3, '0')}`,
    versionId: `v${String(i).padStart(3, '0')}`,
    categoryId: i % 2 === 0 ? 'cat-law' : 'cat-security',
    difficulty: difficulties[i % 3]!,
    tags: i % 5 === 0 ? ['Chữ ký số'] : [],
    optionKeys: ['a', 'b', 'c', 'd'],
    type: 'single',
    ...over(i),
  }));
}

const rules = (over: Partial<ContestRules> = {}): ContestRules => ({ ...defaultContestRules(), ...over });

function expectAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('assemblePaper', () => {
  const pool = makePool(90);

  it('gives the same paper for the same seed, whatever order the pool comes in', () => {
    const a = assemblePaper(pool, rules(), 'candidate-001');
    const b = assemblePaper([...pool].reverse(), rules(), 'candidate-001');
    expect(b).toEqual(a);
  });

  it('gives different papers for different seeds', () => {
    const papers = ['s1', 's2', 's3', 's4'].map((s) => assemblePaper(pool, rules(), s));
    const orders = new Set(papers.map((p) => p.map((i) => i.versionId).join(',')));
    expect(orders.size).toBe(4);
  });

  it('draws the blueprint: 12 easy, 12 medium, 6 hard, no question twice', () => {
    const paper = assemblePaper(pool, rules(), 'x');
    expect(paper).toHaveLength(30);
    expect(new Set(paper.map((i) => i.questionId)).size).toBe(30);
    const byVersion = new Map(pool.map((q) => [q.versionId, q]));
    const count = (d: Difficulty) => paper.filter((i) => byVersion.get(i.versionId)!.difficulty === d).length;
    expect([count('easy'), count('medium'), count('hard')]).toEqual([12, 12, 6]);
  });

  it('shuffles options into a permutation of the bank keys, and never moves Đúng/Sai', () => {
    const mixed = makePool(60, (i) => (i % 4 === 0 ? { type: 'true_false', optionKeys: ['d', 's'] } : {}));
    const paper = assemblePaper(mixed, rules(), 'opt');
    const byVersion = new Map(mixed.map((q) => [q.versionId, q]));
    let moved = 0;
    for (const item of paper) {
      const q = byVersion.get(item.versionId)!;
      expect([...item.optionOrder].sort()).toEqual([...q.optionKeys].sort());
      if (q.type === 'true_false') expect(item.optionOrder).toEqual(['d', 's']);
      else if (item.optionOrder.join() !== q.optionKeys.join()) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps option and question order when shuffling is off', () => {
    const r = rules({
      shuffleOptions: false,
      shuffleQuestions: false,
      blueprint: [
        { difficulty: 'hard', count: 3 },
        { difficulty: 'easy', count: 4 },
      ],
    });
    const paper = assemblePaper(pool, r, 'fixed');
    const byVersion = new Map(pool.map((q, i) => [q.versionId, { q, i }]));
    expect(paper.map((it) => byVersion.get(it.versionId)!.q.difficulty)).toEqual([
      'hard',
      'hard',
      'hard',
      'easy',
      'easy',
      'easy',
      'easy',
    ]);
    const positions = paper.map((it) => byVersion.get(it.versionId)!.i);
    expect(positions.slice(0, 3)).toEqual([...positions.slice(0, 3)].sort((a, b) => a - b));
    expect(positions.slice(3)).toEqual([...positions.slice(3)].sort((a, b) => a - b));
    for (const item of paper) expect(item.optionOrder).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shares the theory points equally so they sum to the section exactly', () => {
    const paper = assemblePaper(pool, rules(), 'p');
    expect(paper.every((i) => i.points === 2)).toBe(true);
    const odd = rules({
      scale: 100,
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 45 },
        { code: 'practice', name: 'Thực hành', points: 55 },
      ],
      blueprint: [{ count: 7 }],
    });
    const p7 = assemblePaper(pool, odd, 'p');
    expect(new Set(p7.map((i) => i.points)).size).toBe(1);
    expect(Math.round(p7.reduce((s, i) => s + i.points, 0) * 1e6) / 1e6).toBe(45);
  });

  it('includes subcategories when given the category tree, and only the category itself without it', () => {
    const tree = makePool(20, (i) => ({ categoryId: i < 4 ? 'nd30' : i < 10 ? 'nd30-so-ky-hieu' : 'other' }));
    const r = rules({ blueprint: [{ categoryId: 'nd30', count: 8 }] });
    const parents = { 'nd30-so-ky-hieu': 'nd30', nd30: 'van-ban', 'van-ban': null, other: null };
    const paper = assemblePaper(tree, r, 'c', { categoryParents: parents });
    expect(paper).toHaveLength(8);
    const cats = new Map(tree.map((q) => [q.versionId, q.categoryId]));
    expect(paper.every((i) => cats.get(i.versionId) !== 'other')).toBe(true);
    expect(() => assemblePaper(tree, r, 'c')).toThrow(AppError);
    expect(
      assemblePaper(tree, r, 'c', { categoryParents: { ...parents, nd30: 'nd30-so-ky-hieu' } }),
    ).toHaveLength(8);
  });

  it('matches tags ignoring case and diacritics', () => {
    const r = rules({ blueprint: [{ tag: 'chu ky so', count: 18 }] });
    expect(assemblePaper(pool, r, 't')).toHaveLength(18);
  });

  it('solves overlapping rows that a greedy draw could get wrong', () => {
    // Row 1 (any hard) could take the only hard security questions that row 2 needs.
    const small = makePool(6, (i) => ({
      difficulty: 'hard',
      categoryId: i < 3 ? 'cat-security' : 'cat-law',
    }));
    const r = rules({
      blueprint: [
        { difficulty: 'hard', count: 3 },
        { categoryId: 'cat-security', count: 3 },
      ],
    });
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const paper = assemblePaper(small, r, seed);
      expect(new Set(paper.map((i) => i.versionId)).size).toBe(6);
    }
  });

  it('refuses a pool too small, naming the row in Vietnamese, with per-row details', () => {
    const r = rules({
      blueprint: [
        { difficulty: 'easy', count: 5 },
        { categoryId: 'cat-law', difficulty: 'hard', count: 9 },
      ],
    });
    const err = expectAppError(() =>
      assemblePaper(makePool(30), r, 's', { categoryNames: { 'cat-law': 'Nghị định 30/2020/NĐ-CP' } }),
    );
    expect(err.code).toBe('validation_failed');
    expect(err.message).toContain('Dòng 2');
    expect(err.message).toContain('Nghị định 30/2020/NĐ-CP');
    expect(err.message).toContain('mức độ khó');
    expect(err.message).toContain('cần 9 câu');
    expect(err.message).not.toContain('Dòng 1');
    const rows = (err.details as { rows: { ok: boolean }[] }).rows;
    expect(rows.map((row) => row.ok)).toEqual([true, false]);
  });

  it('refuses rules without theory points and a pool with two versions of one question', () => {
    const noTheory = rules({ sections: [{ code: 'practice', name: 'Thực hành', points: 100 }] });
    expect(expectAppError(() => assemblePaper(pool, noTheory, 's')).message).toContain('lý thuyết');
    const dup = [...makePool(40), { ...makePool(1)[0]!, versionId: 'other-version' }];
    expect(expectAppError(() => assemblePaper(dup, rules(), 's')).message).toContain('một phiên bản');
  });
});

describe('checkBlueprint', () => {
  it('reports needed, available and fillable per row', () => {
    const pool = makePool(6, (i) => ({ difficulty: 'hard', categoryId: i < 3 ? 'sec' : 'law' }));
    const r = rules({
      blueprint: [
        { categoryId: 'sec', count: 3 },
        { difficulty: 'hard', count: 4 },
      ],
    });
    const check = checkBlueprint(pool, r);
    expect(check.ok).toBe(false);
    expect(check.needed).toBe(7);
    expect(check.rows.map((row) => [row.needed, row.available, row.fillable, row.ok])).toEqual([
      [3, 3, 3, true],
      [4, 6, 3, false],
    ]);
    expect(check.rows[1]!.label).toBe('Dòng 2 (mức độ khó)');
  });

  it('agrees with assembly: ok exactly when a paper can be drawn', () => {
    const pool = makePool(40);
    for (const count of [10, 13, 14, 15]) {
      const r = rules({ blueprint: [{ difficulty: 'easy', count }] });
      const ok = checkBlueprint(pool, r).ok;
      expect(ok).toBe(count <= 14);
      if (ok) expect(assemblePaper(pool, r, 'z')).toHaveLength(count);
      else expect(() => assemblePaper(pool, r, 'z')).toThrow(AppError);
    }
  });
});
