import { eq } from 'drizzle-orm';
import type { TQuestionDetail } from '../../contracts/questions';
import type { QuestionStatus } from '../../core/exam/question';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questions } from '../db/schema';
import { checkQuestion } from './check-question';
import { getQuestion, getQuestionDetail } from './questions-repo';

/** Approves a question (only a valid one: imported drafts are checked again) or sends it back to draft. */
export async function setQuestionStatus(
  db: Db,
  actor: Actor,
  id: string,
  status: QuestionStatus,
): Promise<TQuestionDetail> {
  const before = await getQuestion(db, id);
  if (status === 'approved') checkQuestion(before, status);
  if (before.status !== status) {
    await db.transaction(async (tx) => {
      await tx.update(questions).set({ status, updatedAt: new Date() }).where(eq(questions.id, id));
      await recordAudit(tx, actor, {
        action: status === 'approved' ? 'approve' : 'unapprove',
        entity: 'question',
        entityId: id,
        before: { status: before.status },
        after: { status },
      });
    });
  }
  return getQuestionDetail(db, id);
}
