import { and, asc, isNull, sql } from 'drizzle-orm';
import type { TCategory, TCategoryList } from '../../contracts/questions';
import type { Db } from '../db/client';
import { questionCategories, questions } from '../db/schema';

export interface CategoryTree {
  byId: Map<string, { id: string; parentId: string | null; name: string }>;
  /** Names from the root down to the category. */
  pathOf(id: string | null): string[];
  /** The category and every category below it. */
  descendantsOf(id: string): string[];
}

/** The whole category tree (a bank has tens of categories, not thousands). */
export async function loadCategoryTree(db: Db): Promise<CategoryTree> {
  const rows = await db
    .select({
      id: questionCategories.id,
      parentId: questionCategories.parentId,
      name: questionCategories.name,
    })
    .from(questionCategories);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, string[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  return {
    byId,
    pathOf(id) {
      const path: string[] = [];
      const seen = new Set<string>();
      for (
        let cur = id ? byId.get(id) : undefined;
        cur && !seen.has(cur.id);
        cur = cur.parentId ? byId.get(cur.parentId) : undefined
      ) {
        seen.add(cur.id);
        path.unshift(cur.name);
      }
      return path;
    },
    descendantsOf(id) {
      const out: string[] = [];
      const stack = [id];
      while (stack.length > 0) {
        const cur = stack.pop()!;
        if (out.includes(cur)) continue;
        out.push(cur);
        stack.push(...(children.get(cur) ?? []));
      }
      return out;
    },
  };
}

export async function listCategories(db: Db): Promise<TCategoryList> {
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(questionCategories)
      .orderBy(asc(questionCategories.sortOrder), sql`vn_fold(${questionCategories.name})`),
    db
      .select({ categoryId: questions.categoryId, n: sql<number>`count(*)::int` })
      .from(questions)
      .where(isNull(questions.deletedAt))
      .groupBy(questions.categoryId),
  ]);
  const countOf = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
  const items: TCategory[] = rows.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    sortOrder: r.sortOrder,
    questionCount: countOf.get(r.id) ?? 0,
  }));
  return { items, uncategorised: countOf.get(null) ?? 0 };
}

/** Live questions directly in a category. */
export async function countLiveQuestions(db: Db, categoryId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(questions)
    .where(and(sql`${questions.categoryId} = ${categoryId}`, isNull(questions.deletedAt)));
  return Number(row?.n ?? 0);
}
