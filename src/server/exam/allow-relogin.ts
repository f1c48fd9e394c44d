import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, candidates } from '../db/schema';
import { type RequestOrigin, recordAttemptEvents } from './events';

/**
 * Lets the candidate's next login take the attempt over on another PC (the old PC's login is revoked
 * then). It also clears a lock-out after wrong passwords, since the proctor has seen the candidate.
 */
export async function allowRelogin(
  db: Db,
  sessionId: string,
  candidateId: string,
  now: Date,
  actor: Actor,
  origin: RequestOrigin,
  reason: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [candidate] = await tx
      .update(candidates)
      .set({ reloginAllowed: true })
      .where(and(eq(candidates.id, candidateId), eq(candidates.sessionId, sessionId)))
      .returning({ id: candidates.id, number: candidates.number });
    if (!candidate) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh trong ca thi này');
    const [attempt] = await tx
      .select({ id: attempts.id })
      .from(attempts)
      .where(eq(attempts.candidateId, candidateId));
    await recordAttemptEvents(tx, [
      {
        candidateId,
        attemptId: attempt?.id ?? null,
        kind: 'relogin_allowed',
        at: now,
        actorId: actor.id,
        ip: origin.ip,
        userAgent: origin.userAgent,
        payload: { reason },
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'exam_relogin_allow',
      entity: 'candidate',
      entityId: candidateId,
      after: { number: candidate.number, sessionId, reason },
    });
  });
}
