import { and, eq, sql } from 'drizzle-orm';
import type { TProctorForceSubmitRequest } from '../../contracts/proctor';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts } from '../db/schema';
import { endFinishedSessions } from '../jobs/finalise-due';
import type { RequestOrigin } from './events';
import { finaliseLockedAttempts, lockOpenAttempts } from './finalise-attempts';
import { loadSessionContext } from './session-context';

/** The proctor collects one candidate's attempt, or every open attempt of the session, now. */
export async function forceSubmit(
  db: Db,
  sessionId: string,
  body: TProctorForceSubmitRequest,
  now: Date,
  actor: Actor,
  origin: RequestOrigin,
): Promise<{ affected: number }> {
  await loadSessionContext(db, sessionId);
  const affected = await db.transaction(async (tx) => {
    const locked = await lockOpenAttempts(
      tx,
      body.candidateId
        ? sql`a.session_id = ${sessionId} and a.candidate_id = ${body.candidateId}`
        : sql`a.session_id = ${sessionId}`,
    );
    const done = await finaliseLockedAttempts(tx, locked, {
      by: 'proctor',
      now,
      finishAt: () => now,
      actorId: actor.id,
      origin,
      reason: body.reason,
    });
    if (body.candidateId && done.length === 0) {
      const [attempt] = await tx
        .select({ status: attempts.status })
        .from(attempts)
        .where(and(eq(attempts.candidateId, body.candidateId), eq(attempts.sessionId, sessionId)));
      if (!attempt) throw new AppError('attempt_not_found', 'Thí sinh không có bài thi trong ca này');
      throw new AppError(
        attempt.status === 'finalised' ? 'attempt_closed' : 'exam_not_started',
        attempt.status === 'finalised' ? 'Bài của thí sinh đã được thu trước đó' : 'Ca thi chưa bắt đầu',
      );
    }
    await recordAudit(tx, actor, {
      action: 'exam_force_submit',
      entity: body.candidateId ? 'attempt' : 'exam_session',
      entityId: body.candidateId ? (done[0] ?? null) : sessionId,
      after: {
        sessionId,
        candidateId: body.candidateId ?? null,
        finalised: done.length,
        reason: body.reason,
      },
    });
    return done.length;
  });
  await endFinishedSessions(db, now);
  return { affected };
}
