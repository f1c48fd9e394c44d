import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { attempts, candidateLogins } from '../db/schema';
import { forgetCandidateLogins } from './candidate-logins';
import { type RequestOrigin, recordAttemptEvent } from './events';

/**
 * Ends the exam page's login. Not while the attempt runs: leaving one PC for another needs the
 * proctor's permission, otherwise "log out, log in elsewhere" would bypass the one-PC rule.
 */
export async function logoutCandidate(
  db: Db,
  candidateId: string,
  loginId: string,
  now: Date,
  origin: RequestOrigin,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [attempt] = await tx
      .select({ id: attempts.id, status: attempts.status })
      .from(attempts)
      .where(eq(attempts.candidateId, candidateId));
    if (attempt?.status === 'in_progress') {
      throw new AppError(
        'conflict',
        'Đang trong giờ làm bài: không thể đăng xuất. Hãy nộp bài hoặc báo giám thị',
      );
    }
    await tx
      .update(candidateLogins)
      .set({ revokedAt: now })
      .where(and(eq(candidateLogins.id, loginId), eq(candidateLogins.candidateId, candidateId)));
    forgetCandidateLogins([loginId]);
    await recordAttemptEvent(tx, {
      candidateId,
      attemptId: attempt?.id ?? null,
      kind: 'logout',
      at: now,
      ...origin,
    });
  });
}
