import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { questions } from '../db/schema';
import { getQuestion } from './questions-repo';

/** Removes a question from the bank; its versions stay, because attempts and papers refer to them. */
export async function deleteQuestion(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getQuestion(db, id);
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx.update(questions).set({ deletedAt: now, updatedAt: now }).where(eq(questions.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'question', entityId: id, before });
  });
}
