import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemblePaper, checkBlueprint, type PoolQuestion } from './assemble';
import { DIFFICULTIES, QUESTION_TYPES, type QuestionContent, type QuestionMeta } from './question';
import { defaultContestRules } from './rules';
import { normaliseQuestion, validateQuestion } from './validate-question';

interface BankQuestion extends QuestionContent, Omit<QuestionMeta, 'categoryId'> {
  key: string;
  category: string;
}
interface Bank {
  format: string;
  version: number;
  categories: { key: string; name: string; parent: string | null }[];
  questions: BankQuestion[];
}

const path = resolve(import.meta.dirname, '../../../templates/contest/questions-demo.json');
const raw = readFileSync(path, 'utf8');
const bank = JSON.parse(raw) as Bank;

const toPool = (qs: BankQuestion[]): PoolQuestion[] =>
  qs.map((q) => ({
    questionId: q.key,
    versionId: `${q.key}@1`,
    categoryId: q.category,
    difficulty: q.difficulty,
    tags: q.tags,
    optionKeys: q.options.map((o) => o.key),
    type: q.type,
  }));

describe('demo question bank', () => {
  it('declares its format and holds at least 60 questions of every type and difficulty', () => {
    expect(bank.format).toBe('thuocdo.question-bank');
    expect(bank.version).toBe(1);
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
    for (const type of QUESTION_TYPES)
      expect(
        bank.questions.some((q) => q.type === type),
        type,
      ).toBe(true);
    for (const d of DIFFICULTIES)
      expect(
        bank.questions.some((q) => q.difficulty === d),
        d,
      ).toBe(true);
  });

  it('every question passes validation and is already normalised', () => {
    const failures = bank.questions.flatMap((q) => {
      const { key, category, tags, difficulty, sourceDocument, sourceArticle, status, ...content } = q;
      const meta: QuestionMeta = {
        categoryId: category,
        tags,
        difficulty,
        sourceDocument,
        sourceArticle,
        status,
      };
      const problems = validateQuestion(content, meta).map((p) => `${key} ${p.field}: ${p.message}`);
      const normalised = normaliseQuestion(content);
      if (JSON.stringify(normalised) !== JSON.stringify(content)) problems.push(`${key}: not normalised`);
      return problems;
    });
    expect(failures).toEqual([]);
  });

  it('is written in composed Unicode (NFC) so search and PDF rendering work', () => {
    expect(raw).toBe(raw.normalize('NFC'));
  });

  it('every question is approved, cites its source, explains its answer and has tags', () => {
    const incomplete = bank.questions
      .filter((q) => q.status !== 'approved' || !q.sourceDocument || !q.explanation || q.tags.length === 0)
      .map((q) => q.key);
    expect(incomplete).toEqual([]);
  });

  it('has unique question keys and stems', () => {
    const keys = bank.questions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    const stems = bank.questions.map((q) => q.stem);
    expect(stems.filter((s, i) => stems.indexOf(s) !== i)).toEqual([]);
  });

  it('files every question in a known category of a tree without cycles', () => {
    const byKey = new Map(bank.categories.map((c) => [c.key, c]));
    expect(byKey.size).toBe(bank.categories.length);
    for (const c of bank.categories) {
      const seen = new Set<string>();
      let current: string | null = c.key;
      while (current) {
        expect(seen.has(current), `cycle at ${c.key}`).toBe(false);
        seen.add(current);
        const node = byKey.get(current);
        expect(node, `unknown parent ${current}`).toBeDefined();
        current = node!.parent;
      }
    }
    expect(bank.questions.filter((q) => !byKey.has(q.category)).map((q) => q.key)).toEqual([]);
  });

  it('does not always put the correct answer of single-answer questions in the same place', () => {
    const positions = new Set(
      bank.questions.filter((q) => q.type === 'single').map((q) => q.options.findIndex((o) => o.correct)),
    );
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });

  it('satisfies the default blueprint, and papers drawn from it are complete', () => {
    const pool = toPool(bank.questions);
    const rules = defaultContestRules();
    expect(checkBlueprint(pool, rules).ok).toBe(true);
    const parents = Object.fromEntries(bank.categories.map((c) => [c.key, c.parent]));
    const paper = assemblePaper(pool, rules, 'demo', { categoryParents: parents });
    expect(paper).toHaveLength(30);
    expect(paper.reduce((sum, i) => sum + i.points, 0)).toBe(60);
  });

  it('can fill a blueprint by top-level category through the category tree', () => {
    const pool = toPool(bank.questions);
    const parents = Object.fromEntries(bank.categories.map((c) => [c.key, c.parent]));
    const rules = {
      ...defaultContestRules(),
      blueprint: [
        { categoryId: 'cds', count: 12 },
        { categoryId: 'van-thu', count: 12 },
        { categoryId: 'gddt', count: 6 },
      ],
    };
    expect(checkBlueprint(pool, rules, { categoryParents: parents }).ok).toBe(true);
    expect(checkBlueprint(pool, rules).ok).toBe(false);
  });
});
