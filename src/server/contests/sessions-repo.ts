import { and, asc, eq, sql } from 'drizzle-orm';
import type { TExamSession } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { examSessions } from '../db/schema';

const sessionColumns = {
  id: examSessions.id,
  contestId: examSessions.contestId,
  name: examSessions.name,
  room: examSessions.room,
  scheduledAt: examSessions.scheduledAt,
  status: examSessions.status,
  candidateCount: sql<number>`(select count(*)::int from candidates c where c.session_id = "exam_sessions"."id")`,
};

type SessionRow = Omit<TExamSession, 'scheduledAt'> & { scheduledAt: Date };

const toSession = (r: SessionRow): TExamSession => ({
  ...r,
  candidateCount: Number(r.candidateCount),
  scheduledAt: r.scheduledAt.toISOString(),
});

export async function listSessions(db: Db, contestId: string): Promise<TExamSession[]> {
  const rows = await db
    .select(sessionColumns)
    .from(examSessions)
    .where(eq(examSessions.contestId, contestId))
    .orderBy(asc(examSessions.scheduledAt), asc(examSessions.name));
  return rows.map(toSession);
}

export async function getSession(db: Db, contestId: string, sessionId: string): Promise<TExamSession> {
  const [row] = await db
    .select(sessionColumns)
    .from(examSessions)
    .where(and(eq(examSessions.contestId, contestId), eq(examSessions.id, sessionId)));
  if (!row) throw new AppError('exam_session_not_found', 'Không tìm thấy ca thi');
  return toSession(row);
}
