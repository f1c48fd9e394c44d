import { eq } from 'drizzle-orm';
import type { TContestResults } from '../../contracts/contest-results';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { contestResultPublications } from '../db/schema-contest-results';
import { loadContestResults } from './load-results';
import { canPublish, publishBlockers } from './results-view';

/**
 * Publishes a contest's results to its candidates (each then sees only their own, and their answers
 * when `showAnswers` is 'own'). Allowed once the contest is closed or every attempt is final and
 * graded; publishing again changes `showAnswers`. Audited with the figures published.
 */
export async function publishResults(
  db: Db,
  actor: Actor,
  contestId: string,
  showAnswers: 'none' | 'own',
  now: Date,
): Promise<NonNullable<TContestResults['publication']>> {
  const results = await loadContestResults(db, contestId);
  if (!canPublish(results)) {
    const b = publishBlockers(results);
    throw new AppError(
      'conflict',
      `Chưa thể công bố: còn ${b.inProgress} bài đang thi và ${b.ungraded} bài chưa chấm xong. ` +
        'Hãy chờ chấm xong hoặc kết thúc kỳ thi.',
      b,
    );
  }
  const graded = results.candidates.filter((c) => c.state === 'graded').length;
  await db.transaction(async (tx) => {
    await tx
      .insert(contestResultPublications)
      .values({ contestId, showAnswers, publishedBy: actor.id, publishedAt: now })
      .onConflictDoUpdate({
        target: contestResultPublications.contestId,
        set: { showAnswers, publishedBy: actor.id, publishedAt: now },
      });
    await recordAudit(tx, actor, {
      action: 'contest_results_published',
      entity: 'contest',
      entityId: contestId,
      before: results.publication,
      after: { showAnswers, publishedAt: now.toISOString(), candidates: results.candidates.length, graded },
    });
  });
  return { showAnswers, publishedAt: now.toISOString() };
}

/** Withdraws a publication (candidates no longer see their result); audited with the reason. */
export async function withdrawResults(
  db: Db,
  actor: Actor,
  contestId: string,
  reason: string,
): Promise<void> {
  const results = await loadContestResults(db, contestId);
  if (!results.publication) throw new AppError('conflict', 'Kết quả của kỳ thi này chưa được công bố');
  await db.transaction(async (tx) => {
    await tx.delete(contestResultPublications).where(eq(contestResultPublications.contestId, contestId));
    await recordAudit(tx, actor, {
      action: 'contest_results_withdrawn',
      entity: 'contest',
      entityId: contestId,
      before: results.publication,
      after: { reason },
    });
  });
}
