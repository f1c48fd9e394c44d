import { and, eq, isNull, ne } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { questionCategories, questions } from '../db/schema';

/** Checks that a category exists and that a code is free among live questions (other than `selfId`). */
export async function checkQuestionRefs(
  db: Db,
  categoryId: string | null,
  code: string | null,
  selfId?: string,
): Promise<void> {
  if (categoryId) {
    const [c] = await db
      .select({ id: questionCategories.id })
      .from(questionCategories)
      .where(eq(questionCategories.id, categoryId));
    if (!c) {
      throw new AppError('validation_failed', 'Không tìm thấy danh mục câu hỏi', [
        { path: 'categoryId', message: 'Không tìm thấy danh mục' },
      ]);
    }
  }
  if (code) {
    const [clash] = await db
      .select({ id: questions.id })
      .from(questions)
      .where(
        and(
          eq(questions.code, code),
          isNull(questions.deletedAt),
          selfId ? ne(questions.id, selfId) : undefined,
        ),
      );
    if (clash) {
      throw new AppError('conflict', `Mã câu hỏi ${code} đã được dùng`, [
        { path: 'code', message: 'Mã đã được dùng' },
      ]);
    }
  }
}
