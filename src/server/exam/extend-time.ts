import { and, eq, sql } from 'drizzle-orm';
import type { TProctorExtendRequest } from '../../contracts/proctor';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, examSessions } from '../db/schema';
import { recomputeDeadlines } from './deadlines';
import { type RequestOrigin, recordAttemptEvents, recordSessionEvent } from './events';
import { loadSessionContext } from './session-context';

/**
 * Gives extra time to one candidate (a PC that crashed) or to the whole session (a late start of the
 * hall); deadlines are recomputed from the stored facts. A finalised attempt is never reopened.
 */
export async function extendTime(
  db: Db,
  sessionId: string,
  body: TProctorExtendRequest,
  now: Date,
  actor: Actor,
  origin: RequestOrigin,
): Promise<{ affected: number }> {
  const ctx = await loadSessionContext(db, sessionId);
  if (ctx.session.status === 'ended')
    throw new AppError('conflict', 'Ca thi đã kết thúc, không thể cộng giờ');
  const duration = ctx.contest.rules.durationMinutes;
  return db.transaction(async (tx) => {
    if (body.candidateId) {
      const [attempt] = await tx
        .select({ id: attempts.id, status: attempts.status, extraSeconds: attempts.extraSeconds })
        .from(attempts)
        .where(and(eq(attempts.candidateId, body.candidateId), eq(attempts.sessionId, sessionId)))
        .for('update');
      if (!attempt) {
        throw new AppError(
          'attempt_not_found',
          'Thí sinh chưa có đề thi trong ca này (hãy chuẩn bị đề trước)',
        );
      }
      if (attempt.status === 'finalised') {
        throw new AppError('attempt_closed', 'Bài của thí sinh đã được thu, không thể cộng giờ');
      }
      await tx
        .update(attempts)
        .set({ extraSeconds: sql`${attempts.extraSeconds} + ${body.seconds}` })
        .where(eq(attempts.id, attempt.id));
      const deadlines = await recomputeDeadlines(tx, ctx.session, duration, body.candidateId);
      await recordAttemptEvents(tx, [
        {
          candidateId: body.candidateId,
          attemptId: attempt.id,
          kind: 'extended',
          at: now,
          actorId: actor.id,
          ip: origin.ip,
          userAgent: origin.userAgent,
          payload: {
            seconds: body.seconds,
            scope: 'candidate',
            reason: body.reason,
            deadlineAt: deadlines.get(attempt.id)?.toISOString() ?? null,
          },
        },
      ]);
      await recordAudit(tx, actor, {
        action: 'exam_time_extend',
        entity: 'attempt',
        entityId: attempt.id,
        before: { extraSeconds: attempt.extraSeconds },
        after: { extraSeconds: attempt.extraSeconds + body.seconds, reason: body.reason, sessionId },
      });
      return { affected: 1 };
    }
    const [session] = await tx
      .update(examSessions)
      .set({ extraSeconds: sql`${examSessions.extraSeconds} + ${body.seconds}` })
      .where(eq(examSessions.id, sessionId))
      .returning();
    const deadlines = await recomputeDeadlines(tx, session!, duration);
    await recordSessionEvent(tx, sessionId, {
      kind: 'extended',
      at: now,
      payload: { seconds: body.seconds, scope: 'session', reason: body.reason },
      actorId: actor.id,
      origin,
    });
    await recordAudit(tx, actor, {
      action: 'exam_time_extend',
      entity: 'exam_session',
      entityId: sessionId,
      before: { extraSeconds: ctx.session.extraSeconds },
      after: { extraSeconds: session!.extraSeconds, reason: body.reason, attempts: deadlines.size },
    });
    return { affected: deadlines.size };
  });
}
