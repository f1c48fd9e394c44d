import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questionCategories, questions } from '../db/schema';
import { countLiveQuestions } from './categories-repo';

/** Deletes an empty category: one with live questions or subcategories is refused. */
export async function deleteCategory(db: Db, actor: Actor, id: string): Promise<void> {
  const [before] = await db.select().from(questionCategories).where(eq(questionCategories.id, id));
  if (!before) throw new AppError('question_category_not_found', 'Không tìm thấy danh mục câu hỏi');
  const [children] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(questionCategories)
    .where(eq(questionCategories.parentId, id));
  const live = await countLiveQuestions(db, id);
  if (live > 0 || Number(children?.n ?? 0) > 0) {
    const parts = [
      live > 0 ? `${live} câu hỏi` : null,
      Number(children?.n) > 0 ? `${children!.n} danh mục con` : null,
    ];
    throw new AppError(
      'question_category_in_use',
      `Không thể xóa danh mục “${before.name}” vì còn ${parts.filter(Boolean).join(' và ')}`,
      { questions: live, children: Number(children?.n ?? 0) },
    );
  }
  await db.transaction(async (tx) => {
    // Deleted questions keep their versions for the attempts that used them; they just lose the category.
    await tx
      .update(questions)
      .set({ categoryId: null })
      .where(and(eq(questions.categoryId, id), isNotNull(questions.deletedAt)));
    await tx.delete(questionCategories).where(eq(questionCategories.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'question_category', entityId: id, before });
  });
}
