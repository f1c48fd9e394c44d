import { eq } from 'drizzle-orm';
import type { TQuestionDetail, TQuestionInput } from '../../contracts/questions';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questions, questionVersions } from '../db/schema';
import { checkQuestion } from './check-question';
import { checkQuestionRefs } from './question-refs';
import { getQuestionDetail, searchTextOf } from './questions-repo';
import { withUniqueGuard } from './unique-guard';

/** Adds a draft question with its first version. */
export async function createQuestion(db: Db, actor: Actor, input: TQuestionInput): Promise<TQuestionDetail> {
  const { content, meta, code } = checkQuestion(input);
  await checkQuestionRefs(db, meta.categoryId, code);
  const id = await withUniqueGuard(() =>
    db.transaction(async (tx) => {
      const [q] = await tx
        .insert(questions)
        .values({
          code,
          categoryId: meta.categoryId,
          tags: meta.tags,
          difficulty: meta.difficulty,
          sourceDocument: meta.sourceDocument ?? null,
          sourceArticle: meta.sourceArticle ?? null,
          searchText: searchTextOf(content),
        })
        .returning({ id: questions.id });
      const [v] = await tx
        .insert(questionVersions)
        .values({
          questionId: q!.id,
          versionNo: 1,
          type: content.type,
          stem: content.stem,
          options: content.options,
          explanation: content.explanation ?? null,
          createdBy: actor.id,
        })
        .returning({ id: questionVersions.id });
      await tx.update(questions).set({ currentVersionId: v!.id }).where(eq(questions.id, q!.id));
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'question',
        entityId: q!.id,
        after: { code, ...meta, ...content },
      });
      return q!.id;
    }),
  );
  return getQuestionDetail(db, id);
}
