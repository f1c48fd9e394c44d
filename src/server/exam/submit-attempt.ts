import { eq, sql } from 'drizzle-orm';
import type { TExamSubmitRequest, TExamSubmitResponse } from '../../contracts/exam';
import { isDue } from '../../core/exam/timing';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { attempts } from '../db/schema';
import { effectiveDeadline } from './deadlines';
import type { RequestOrigin } from './events';
import { finaliseLockedAttempts, lockOpenAttempts } from './finalise-attempts';
import { saveAnswers } from './save-answers';

/**
 * The candidate submits (the page asked for confirmation). The visible answers come with it and are
 * saved first, so nothing on screen is lost; then the attempt is finalised and its theory part graded.
 * Submitting again answers with the finalisation already recorded. A submission arriving after
 * deadline + grace closes the attempt as the deadline would, finishing at the deadline.
 */
export async function submitAttempt(
  db: Db,
  candidateId: string,
  body: TExamSubmitRequest,
  now: Date,
  origin: RequestOrigin,
): Promise<TExamSubmitResponse> {
  if (body.final) {
    try {
      await saveAnswers(db, candidateId, body.final, now, origin);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'attempt_closed') throw e;
    }
  }
  await db.transaction(async (tx) => {
    const [open] = await lockOpenAttempts(tx, sql`a.candidate_id = ${candidateId}`);
    if (!open) return;
    if (open.sessionStatus === 'scheduled') throw new AppError('exam_not_started', 'Ca thi chưa bắt đầu');
    const deadline = effectiveDeadline(
      open.deadlineAt,
      { status: open.sessionStatus, pausedAt: open.pausedAt },
      now,
    );
    const late =
      open.sessionStatus === 'ended' || (deadline !== null && isDue(deadline, open.graceSeconds, now));
    await finaliseLockedAttempts(tx, [open], {
      by: late ? 'deadline' : 'candidate',
      now,
      finishAt: () => (late && open.deadlineAt ? open.deadlineAt : now),
      origin,
    });
  });
  const [row] = await db
    .select({
      status: attempts.status,
      finalisedAt: attempts.finalisedAt,
      finalisedBy: attempts.finalisedBy,
      lastSeq: attempts.lastSeq,
    })
    .from(attempts)
    .where(eq(attempts.candidateId, candidateId));
  if (row?.status !== 'finalised' || !row.finalisedAt || !row.finalisedBy) {
    throw new AppError('exam_not_started', 'Ca thi chưa bắt đầu');
  }
  return { finalisedAt: row.finalisedAt.toISOString(), finalisedBy: row.finalisedBy, lastSeq: row.lastSeq };
}
