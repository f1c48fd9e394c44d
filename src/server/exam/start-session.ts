import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, examSessions } from '../db/schema';
import { recomputeDeadlines } from './deadlines';
import { type RequestOrigin, recordAttemptEvents } from './events';
import { prepareSession } from './prepare-session';
import { loadSessionContext, requireOpenContest } from './session-context';
import { forgetSessionStatus } from './waiting-room';

/**
 * Starts a sitting: every attempt's clock starts now, whenever its candidate logged in. Papers are
 * assembled first if the proctor did not prepare them, so the start itself only flips statuses and
 * writes deadlines.
 */
export async function startSession(
  db: Db,
  sessionId: string,
  now: Date,
  actor: Actor,
  origin: RequestOrigin,
): Promise<{ started: number }> {
  const ctx = await loadSessionContext(db, sessionId);
  requireOpenContest(ctx);
  if (ctx.session.status !== 'scheduled') throw new AppError('conflict', 'Ca thi đã được bắt đầu trước đó');
  await prepareSession(db, sessionId, now, actor);
  const started = await db.transaction(async (tx) => {
    const [session] = await tx
      .update(examSessions)
      .set({ status: 'running', startedAt: now, pausedAt: null })
      .where(and(eq(examSessions.id, sessionId), eq(examSessions.status, 'scheduled')))
      .returning();
    if (!session) throw new AppError('conflict', 'Ca thi đã được bắt đầu trước đó');
    const rows = await tx
      .update(attempts)
      .set({ status: 'in_progress', startedAt: now })
      .where(and(eq(attempts.sessionId, sessionId), eq(attempts.status, 'ready')))
      .returning({ id: attempts.id, candidateId: attempts.candidateId });
    const deadlines = await recomputeDeadlines(tx, session, ctx.contest.rules.durationMinutes);
    await recordAttemptEvents(
      tx,
      rows.map((r) => ({
        candidateId: r.candidateId,
        attemptId: r.id,
        kind: 'started' as const,
        at: now,
        actorId: actor.id,
        ip: origin.ip,
        userAgent: origin.userAgent,
        payload: { deadlineAt: deadlines.get(r.id)?.toISOString() ?? null },
      })),
    );
    await recordAudit(tx, actor, {
      action: 'exam_session_start',
      entity: 'exam_session',
      entityId: sessionId,
      before: { status: ctx.session.status },
      after: { status: 'running', startedAt: now.toISOString(), attempts: rows.length },
    });
    return rows.length;
  });
  forgetSessionStatus(sessionId);
  return { started };
}
