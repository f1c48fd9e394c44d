import { eq } from 'drizzle-orm';
import type { ContestRules } from '../../core/exam/contest';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { contests, examSessions } from '../db/schema';

export type ExamSessionRow = typeof examSessions.$inferSelect;

export interface SessionContext {
  session: ExamSessionRow;
  contest: { id: string; name: string; status: 'draft' | 'open' | 'closed'; rules: ContestRules };
}

/** A sitting with its contest's rules; `exam_session_not_found` when there is none. */
export async function loadSessionContext(db: Db, sessionId: string): Promise<SessionContext> {
  const [row] = await db
    .select({
      session: examSessions,
      contestId: contests.id,
      contestName: contests.name,
      contestStatus: contests.status,
      rules: contests.rules,
    })
    .from(examSessions)
    .innerJoin(contests, eq(contests.id, examSessions.contestId))
    .where(eq(examSessions.id, sessionId))
    .limit(1);
  if (!row) throw new AppError('exam_session_not_found', 'Không tìm thấy ca thi');
  return {
    session: row.session,
    contest: { id: row.contestId, name: row.contestName, status: row.contestStatus, rules: row.rules },
  };
}

/** Papers depend on the rules, so a sitting runs only while its contest is open (rules read-only). */
export function requireOpenContest(ctx: SessionContext): void {
  if (ctx.contest.status !== 'open') {
    throw new AppError(
      'contest_locked',
      ctx.contest.status === 'draft'
        ? 'Cuộc thi chưa được mở: mở cuộc thi (khóa thể lệ) trước khi chuẩn bị hoặc bắt đầu ca thi'
        : 'Cuộc thi đã đóng, không thể tổ chức thêm ca thi',
    );
  }
}
