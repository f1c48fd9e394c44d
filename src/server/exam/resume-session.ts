import { and, eq, sql } from 'drizzle-orm';
import { pausedSecondsSoFar } from '../../core/exam/timing';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, examSessions } from '../db/schema';
import { recomputeDeadlines } from './deadlines';
import { type RequestOrigin, recordSessionEvent } from './events';
import { loadSessionContext } from './session-context';

/** Resumes a paused sitting; every open attempt's deadline moves by the length of the pause. */
export async function resumeSession(
  db: Db,
  sessionId: string,
  now: Date,
  actor: Actor,
  origin: RequestOrigin,
): Promise<{ pausedSeconds: number }> {
  const ctx = await loadSessionContext(db, sessionId);
  const { session } = ctx;
  if (session.status !== 'paused' || !session.pausedAt) {
    throw new AppError('conflict', 'Chỉ tiếp tục được ca thi đang tạm dừng');
  }
  // Rounded up: the candidate never loses part of a second to the pause.
  const pausedSeconds = Math.ceil(pausedSecondsSoFar(0, session.pausedAt, now));
  await db.transaction(async (tx) => {
    const [resumed] = await tx
      .update(examSessions)
      .set({ status: 'running', pausedAt: null })
      .where(and(eq(examSessions.id, sessionId), eq(examSessions.status, 'paused')))
      .returning();
    if (!resumed) throw new AppError('conflict', 'Chỉ tiếp tục được ca thi đang tạm dừng');
    await tx
      .update(attempts)
      .set({ pausedSeconds: sql`${attempts.pausedSeconds} + ${pausedSeconds}` })
      .where(and(eq(attempts.sessionId, sessionId), eq(attempts.status, 'in_progress')));
    await recomputeDeadlines(tx, resumed, ctx.contest.rules.durationMinutes);
    await recordSessionEvent(tx, sessionId, {
      kind: 'resumed',
      at: now,
      payload: { pausedSeconds, pausedAt: session.pausedAt!.toISOString() },
      actorId: actor.id,
      origin,
    });
    await recordAudit(tx, actor, {
      action: 'exam_session_resume',
      entity: 'exam_session',
      entityId: sessionId,
      before: { status: 'paused', pausedAt: session.pausedAt!.toISOString() },
      after: { status: 'running', pausedSeconds },
    });
  });
  return { pausedSeconds };
}
