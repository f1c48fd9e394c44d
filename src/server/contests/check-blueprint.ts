import { asc, sql } from 'drizzle-orm';
import type { TBlueprintCheck, TCategoryChoice } from '../../contracts/contests';
import { checkBlueprint, type PoolQuestion } from '../../core/exam/assemble';
import type { ContestRules } from '../../core/exam/contest';
import type { Db } from '../db/client';
import { questionCategories } from '../db/schema';
import { queryRows } from '../db/sql-rows';

/** Question categories for the blueprint editor, read directly so contests do not depend on the bank's code. */
export async function listCategoryChoices(db: Db): Promise<TCategoryChoice[]> {
  return db
    .select({
      id: questionCategories.id,
      name: questionCategories.name,
      parentId: questionCategories.parentId,
    })
    .from(questionCategories)
    .orderBy(asc(questionCategories.sortOrder), asc(questionCategories.name));
}

/** Per blueprint row, approved questions available against those needed. */
export async function checkContestBlueprint(db: Db, rules: ContestRules): Promise<TBlueprintCheck> {
  const pool = await queryRows<Omit<PoolQuestion, 'optionKeys'>>(
    db,
    sql`select q.id as "questionId", q.current_version_id as "versionId", q.category_id as "categoryId",
          q.difficulty, q.tags
        from questions q
        where q.status = 'approved' and q.deleted_at is null and q.current_version_id is not null`,
  );
  const categories = await listCategoryChoices(db);
  const check = checkBlueprint(
    pool.map((q) => ({ ...q, tags: q.tags ?? [], optionKeys: [] })),
    rules,
    {
      categoryParents: Object.fromEntries(categories.map((c) => [c.id, c.parentId])),
      categoryNames: Object.fromEntries(categories.map((c) => [c.id, c.name])),
    },
  );
  return {
    ok: check.ok,
    needed: check.needed,
    approvedTotal: pool.length,
    rows: check.rows.map(({ row: _row, ...r }) => r),
  };
}
