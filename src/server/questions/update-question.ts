import { and, eq, isNull } from 'drizzle-orm';
import type { TQuestionDetail, TQuestionPatch } from '../../contracts/questions';
import { contentChanged, needsNewVersion } from '../../core/exam/validate-question';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questions, questionVersions } from '../db/schema';
import { checkQuestion } from './check-question';
import { checkQuestionRefs } from './question-refs';
import { getQuestion, getQuestionDetail, searchTextOf } from './questions-repo';
import { withUniqueGuard } from './unique-guard';

/**
 * Edits a question. A content change to a version a paper already used adds a new version and makes it
 * current (the used one stays as the attempts saw it); otherwise the current version is edited in place.
 * Metadata never makes a version. A content change sends an approved question back to draft, since what
 * was approved is no longer what is in the bank.
 */
export async function updateQuestion(
  db: Db,
  actor: Actor,
  id: string,
  patch: TQuestionPatch,
): Promise<TQuestionDetail> {
  const before = await getQuestion(db, id);
  const { content, meta, code } = checkQuestion(
    {
      type: patch.type ?? before.type,
      stem: patch.stem ?? before.stem,
      options: patch.options ?? before.options,
      explanation: patch.explanation !== undefined ? patch.explanation : before.explanation,
      code: patch.code !== undefined ? patch.code : before.code,
      categoryId: patch.categoryId !== undefined ? patch.categoryId : before.categoryId,
      tags: patch.tags ?? before.tags,
      difficulty: patch.difficulty ?? before.difficulty,
      sourceDocument: patch.sourceDocument !== undefined ? patch.sourceDocument : before.sourceDocument,
      sourceArticle: patch.sourceArticle !== undefined ? patch.sourceArticle : before.sourceArticle,
    },
    before.status,
  );
  await checkQuestionRefs(db, meta.categoryId, code, id);
  const beforeContent = {
    type: before.type,
    stem: before.stem,
    options: before.options,
    ...(before.explanation ? { explanation: before.explanation } : {}),
  };
  const changed = contentChanged(beforeContent, content);
  const newVersion = needsNewVersion(before.used, beforeContent, content);
  await withUniqueGuard(() =>
    db.transaction(async (tx) => {
      let versionId = before.versionId;
      const versionValues = {
        type: content.type,
        stem: content.stem,
        options: content.options,
        explanation: content.explanation ?? null,
      };
      if (newVersion) {
        const [v] = await tx
          .insert(questionVersions)
          .values({ questionId: id, versionNo: before.versionNo + 1, createdBy: actor.id, ...versionValues })
          .returning({ id: questionVersions.id });
        versionId = v!.id;
      } else if (changed) {
        // A paper may have drawn this version since it was read: never edit a used version in place.
        const edited = await tx
          .update(questionVersions)
          .set(versionValues)
          .where(and(eq(questionVersions.id, versionId), isNull(questionVersions.usedAt)))
          .returning({ id: questionVersions.id });
        if (edited.length === 0) {
          throw new AppError(
            'conflict',
            'Phiên bản này vừa được dùng trong đề thi; hãy lưu lại để tạo phiên bản mới',
          );
        }
      }
      await tx
        .update(questions)
        .set({
          code,
          categoryId: meta.categoryId,
          tags: meta.tags,
          difficulty: meta.difficulty,
          sourceDocument: meta.sourceDocument ?? null,
          sourceArticle: meta.sourceArticle ?? null,
          currentVersionId: versionId,
          searchText: searchTextOf(content),
          ...(changed ? { status: 'draft' as const } : {}),
          updatedAt: new Date(),
        })
        .where(eq(questions.id, id));
      await recordAudit(tx, actor, {
        action: newVersion ? 'new_version' : 'update',
        entity: 'question',
        entityId: id,
        before,
        after: { code, ...meta, ...content, versionNo: newVersion ? before.versionNo + 1 : before.versionNo },
      });
    }),
  );
  return getQuestionDetail(db, id);
}
