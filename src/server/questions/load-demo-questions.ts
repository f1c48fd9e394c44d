import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isNotNull } from 'drizzle-orm';
import type { Difficulty, QuestionOption, QuestionStatus, QuestionType } from '../../core/exam/question';
import { normaliseMeta, normaliseQuestion, validateQuestion } from '../../core/exam/validate-question';
import { foldVietnamese } from '../../core/shared/text';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questionCategories, questions, questionVersions } from '../db/schema';
import { loadCategoryTree } from './categories-repo';
import { searchTextOf } from './questions-repo';

const DEMO_FILE = new URL('../../../templates/contest/questions-demo.json', import.meta.url);

/** The shape of templates/contest/questions-demo.json (described in templates/contest/README.md). */
interface DemoBank {
  format: 'thuocdo.question-bank';
  categories: { key: string; name: string; parent: string | null }[];
  questions: {
    key: string;
    category: string;
    type: QuestionType;
    difficulty: Difficulty;
    tags?: string[];
    stem: string;
    options: QuestionOption[];
    explanation?: string;
    sourceDocument?: string;
    sourceArticle?: string;
    status?: QuestionStatus;
  }[];
}

export function readDemoBank(): DemoBank {
  const bank = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as DemoBank;
  if (bank.format !== 'thuocdo.question-bank') throw new Error('questions-demo.json: unknown format');
  return bank;
}

/**
 * Loads the demo question bank. Each question's key becomes its code, so loading again adds only the
 * questions not yet in the bank (none, the second time); categories are matched by their path.
 */
export async function loadDemoQuestions(db: Db, bank: DemoBank = readDemoBank()): Promise<number> {
  const taken = new Set(
    (await db.select({ code: questions.code }).from(questions).where(isNotNull(questions.code))).map(
      (r) => r.code,
    ),
  );
  const todo = bank.questions.filter((q) => !taken.has(q.key));
  if (todo.length === 0) return 0;

  const byKey = new Map(bank.categories.map((c) => [c.key, c]));
  const pathOf = (key: string): string[] => {
    const path: string[] = [];
    for (let c = byKey.get(key); c && path.length < 20; c = c.parent ? byKey.get(c.parent) : undefined) {
      path.unshift(c.name);
    }
    return path;
  };
  const fold = (path: string[]) => path.map(foldVietnamese).join('\u0000');
  const tree = await loadCategoryTree(db);
  const idByPath = new Map([...tree.byId.keys()].map((id) => [fold(tree.pathOf(id)), id]));
  const newCategories: { id: string; name: string; parentId: string | null }[] = [];
  const categoryId = (path: string[]): string | null => {
    if (path.length === 0) return null;
    const existing = idByPath.get(fold(path));
    if (existing) return existing;
    const parentId = categoryId(path.slice(0, -1));
    const id = randomUUID();
    idByPath.set(fold(path), id);
    newCategories.push({ id, name: path[path.length - 1]!, parentId });
    return id;
  };

  const rows = todo.map((q) => {
    const content = normaliseQuestion({
      type: q.type,
      stem: q.stem,
      options: q.options,
      ...(q.explanation ? { explanation: q.explanation } : {}),
    });
    const meta = normaliseMeta({
      categoryId: null,
      tags: q.tags ?? [],
      difficulty: q.difficulty,
      sourceDocument: q.sourceDocument,
      sourceArticle: q.sourceArticle,
      status: q.status ?? 'draft',
    });
    const problems = validateQuestion(content, meta);
    if (problems.length > 0)
      throw new Error(`questions-demo.json ${q.key}: ${problems.map((p) => p.message).join('; ')}`);
    const id = randomUUID();
    const versionId = randomUUID();
    return {
      question: {
        id,
        code: q.key,
        categoryId: categoryId(pathOf(q.category)),
        tags: meta.tags,
        difficulty: meta.difficulty,
        sourceDocument: meta.sourceDocument ?? null,
        sourceArticle: meta.sourceArticle ?? null,
        status: meta.status,
        currentVersionId: versionId,
        searchText: searchTextOf(content),
        isDemo: true,
      },
      version: {
        id: versionId,
        questionId: id,
        versionNo: 1,
        type: content.type,
        stem: content.stem,
        options: content.options,
        explanation: content.explanation ?? null,
      },
    };
  });

  await db.transaction(async (tx) => {
    if (newCategories.length > 0) await tx.insert(questionCategories).values(newCategories);
    await tx.insert(questions).values(rows.map((r) => r.question));
    await tx.insert(questionVersions).values(rows.map((r) => r.version));
    await recordAudit(
      tx,
      { id: null, username: 'system', ip: null },
      {
        action: 'load_demo',
        entity: 'question',
        after: {
          questions: rows.length,
          categories: newCategories.length,
          source: 'templates/contest/questions-demo.json',
        },
      },
    );
  });
  return rows.length;
}
