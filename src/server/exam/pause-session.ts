import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { examSessions } from '../db/schema';
import { isoParam } from '../db/sql-rows';
import { type RequestOrigin, recordSessionEvent } from './events';
import { finaliseLockedAttempts, lockOpenAttempts } from './finalise-attempts';
import { loadSessionContext } from './session-context';

/**
 * Pauses a running sitting (a power cut, a network failure in the hall). Attempts already past
 * deadline + grace are finalised first, so a pause never reopens a finished attempt; the others'
 * remaining time freezes until the resume moves their deadlines.
 */
export async function pauseSession(
  db: Db,
  sessionId: string,
  now: Date,
  actor: Actor,
  origin: RequestOrigin,
  reason: string | null,
): Promise<void> {
  const ctx = await loadSessionContext(db, sessionId);
  if (ctx.session.status !== 'running')
    throw new AppError('conflict', 'Chỉ tạm dừng được ca thi đang diễn ra');
  await db.transaction(async (tx) => {
    const due = await lockOpenAttempts(
      tx,
      sql`a.session_id = ${sessionId}
          and a.deadline_at + make_interval(secs => coalesce((c.rules->>'graceSeconds')::int, 0))
            < ${isoParam(now)}::timestamptz`,
    );
    await finaliseLockedAttempts(tx, due, { by: 'deadline', now, finishAt: (a) => a.deadlineAt! });
    const [session] = await tx
      .update(examSessions)
      .set({ status: 'paused', pausedAt: now })
      .where(and(eq(examSessions.id, sessionId), eq(examSessions.status, 'running')))
      .returning({ id: examSessions.id });
    if (!session) throw new AppError('conflict', 'Chỉ tạm dừng được ca thi đang diễn ra');
    await recordSessionEvent(tx, sessionId, {
      kind: 'paused',
      at: now,
      payload: { reason },
      actorId: actor.id,
      origin,
    });
    await recordAudit(tx, actor, {
      action: 'exam_session_pause',
      entity: 'exam_session',
      entityId: sessionId,
      before: { status: 'running' },
      after: { status: 'paused', pausedAt: now.toISOString(), reason },
    });
  });
}
