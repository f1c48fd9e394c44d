import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { TCategory, TCategoryInput, TCategoryPatch } from '../../contracts/questions';
import { AppError } from '../../core/shared/app-error';
import { cleanText } from '../../core/shared/text';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questionCategories } from '../db/schema';
import { listCategories, loadCategoryTree } from './categories-repo';
import { withUniqueGuard } from './unique-guard';

async function getCategory(db: Db, id: string): Promise<TCategory> {
  const found = (await listCategories(db)).items.find((c) => c.id === id);
  if (!found) throw new AppError('question_category_not_found', 'Không tìm thấy danh mục câu hỏi');
  return found;
}

async function checkCategory(db: Db, name: string, parentId: string | null, selfId?: string) {
  const tree = await loadCategoryTree(db);
  if (parentId && !tree.byId.has(parentId)) {
    throw new AppError('validation_failed', 'Không tìm thấy danh mục cha', [
      { path: 'parentId', message: 'Không tìm thấy danh mục cha' },
    ]);
  }
  if (selfId && parentId && tree.descendantsOf(selfId).includes(parentId)) {
    throw new AppError(
      'validation_failed',
      'Không thể chuyển danh mục vào chính nó hoặc danh mục con của nó',
      [{ path: 'parentId', message: 'Không thể chuyển vào chính nó hoặc danh mục con' }],
    );
  }
  const [clash] = await db
    .select({ id: questionCategories.id })
    .from(questionCategories)
    .where(
      and(
        parentId ? eq(questionCategories.parentId, parentId) : isNull(questionCategories.parentId),
        sql`vn_fold(${questionCategories.name}) = vn_fold(${name})`,
        selfId ? ne(questionCategories.id, selfId) : undefined,
      ),
    );
  if (clash) {
    throw new AppError('question_category_name_taken', `Đã có danh mục “${name}” ở cùng cấp`, [
      { path: 'name', message: 'Tên đã có ở cùng cấp' },
    ]);
  }
}

export async function createCategory(db: Db, actor: Actor, input: TCategoryInput): Promise<TCategory> {
  const values = { name: cleanText(input.name), parentId: input.parentId, sortOrder: input.sortOrder };
  await checkCategory(db, values.name, values.parentId);
  const id = await withUniqueGuard(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(questionCategories)
        .values(values)
        .returning({ id: questionCategories.id });
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'question_category',
        entityId: row!.id,
        after: values,
      });
      return row!.id;
    }),
  );
  return getCategory(db, id);
}

export async function updateCategory(
  db: Db,
  actor: Actor,
  id: string,
  patch: TCategoryPatch,
): Promise<TCategory> {
  const before = await getCategory(db, id);
  const values = {
    name: patch.name !== undefined ? cleanText(patch.name) : before.name,
    parentId: patch.parentId !== undefined ? patch.parentId : before.parentId,
    sortOrder: patch.sortOrder ?? before.sortOrder,
  };
  await checkCategory(db, values.name, values.parentId, id);
  await withUniqueGuard(() =>
    db.transaction(async (tx) => {
      await tx.update(questionCategories).set(values).where(eq(questionCategories.id, id));
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'question_category',
        entityId: id,
        before,
        after: values,
      });
    }),
  );
  return getCategory(db, id);
}
