import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, candidates } from '../db/schema';
import { assertNotClosed, lockContest } from './contests-repo';
import { getSession } from './sessions-repo';

/** Puts candidates into a session (or none). A candidate whose paper exists stays where it is. */
export async function assignCandidates(
  db: Db,
  actor: Actor,
  contestId: string,
  candidateIds: string[],
  sessionId: string | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotClosed(contest.status);
    if (sessionId) {
      const session = await getSession(tx, contestId, sessionId);
      if (session.status !== 'scheduled') throw new AppError('conflict', 'Ca thi đã bắt đầu');
    }
    const found = await tx
      .select({
        id: candidates.id,
        sessionId: candidates.sessionId,
        started: sql<boolean>`${attempts.id} is not null`,
      })
      .from(candidates)
      .leftJoin(attempts, eq(attempts.candidateId, candidates.id))
      .where(and(eq(candidates.contestId, contestId), inArray(candidates.id, candidateIds)));
    if (found.length !== new Set(candidateIds).size) {
      throw new AppError('candidate_not_found', 'Có thí sinh không thuộc kỳ thi này');
    }
    const started = found.filter((c) => c.started);
    if (started.length > 0) {
      throw new AppError('conflict', `${started.length} thí sinh đã có bài thi; không thể đổi ca`);
    }
    await tx
      .update(candidates)
      .set({ sessionId })
      .where(and(eq(candidates.contestId, contestId), inArray(candidates.id, candidateIds)));
    await recordAudit(tx, actor, {
      action: 'assign_session',
      entity: 'contest',
      entityId: contestId,
      before: found.map((c) => ({ id: c.id, sessionId: c.sessionId })),
      after: { sessionId, candidateIds, count: found.length },
    });
    return found.length;
  });
}
