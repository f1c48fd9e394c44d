import { and, eq } from 'drizzle-orm';
import type { TCandidate } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { candidates } from '../db/schema';
import { getCandidate } from './candidates-repo';
import { assertNotClosed, lockContest } from './contests-repo';

/** Sets a candidate's extra time (minutes added to their deadline), audited with its reason. */
export async function setAccommodation(
  db: Db,
  actor: Actor,
  contestId: string,
  candidateId: string,
  extraMinutes: number,
  reason: string | undefined,
): Promise<TCandidate> {
  await db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotClosed(contest.status);
    const [before] = await tx
      .select({ extraSeconds: candidates.extraSeconds, number: candidates.number })
      .from(candidates)
      .where(and(eq(candidates.contestId, contestId), eq(candidates.id, candidateId)));
    if (!before) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh');
    const extraSeconds = extraMinutes * 60;
    await tx.update(candidates).set({ extraSeconds }).where(eq(candidates.id, candidateId));
    await recordAudit(tx, actor, {
      action: 'set_accommodation',
      entity: 'candidate',
      entityId: candidateId,
      before: { number: before.number, extraSeconds: before.extraSeconds },
      after: { number: before.number, extraSeconds, reason: reason ?? null },
    });
  });
  return getCandidate(db, contestId, candidateId);
}
