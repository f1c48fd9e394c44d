import { and, eq, ne, sql } from 'drizzle-orm';
import type { TExamSession, TExamSessionInput } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import { cleanText, foldVietnamese } from '../../core/shared/text';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { examSessions } from '../db/schema';
import { assertNotClosed, lockContest } from './contests-repo';
import { getSession } from './sessions-repo';

async function assertNameFree(db: Db, contestId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: examSessions.id, name: examSessions.name })
    .from(examSessions)
    .where(and(eq(examSessions.contestId, contestId), exceptId ? ne(examSessions.id, exceptId) : sql`true`));
  // The import matches "ca thi" by name ignoring diacritics, so names must differ that way too.
  const same = rows.find((r) => foldVietnamese(r.name) === foldVietnamese(name));
  if (same) {
    throw new AppError('conflict', `Kỳ thi đã có ca thi tên "${same.name}"`, [
      { path: 'name', message: 'Tên ca thi đã được dùng trong kỳ thi này' },
    ]);
  }
}

const values = (input: TExamSessionInput) => ({
  name: cleanText(input.name),
  room: input.room ? cleanText(input.room) : null,
  scheduledAt: new Date(input.scheduledAt),
});

export async function createSession(
  db: Db,
  actor: Actor,
  contestId: string,
  input: TExamSessionInput,
): Promise<TExamSession> {
  const id = await db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotClosed(contest.status);
    await assertNameFree(tx, contestId, cleanText(input.name));
    const [row] = await tx
      .insert(examSessions)
      .values({ contestId, ...values(input) })
      .returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'exam_session', entityId: row!.id, after: row });
    return row!.id;
  });
  return getSession(db, contestId, id);
}

/** Edits a session that has not started: once it runs, its schedule is history. */
export async function updateSession(
  db: Db,
  actor: Actor,
  contestId: string,
  sessionId: string,
  input: TExamSessionInput,
): Promise<TExamSession> {
  await db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotClosed(contest.status);
    const [before] = await tx
      .select()
      .from(examSessions)
      .where(and(eq(examSessions.id, sessionId), eq(examSessions.contestId, contestId)));
    if (!before) throw new AppError('exam_session_not_found', 'Không tìm thấy ca thi');
    if (before.status !== 'scheduled') {
      throw new AppError('conflict', 'Ca thi đã bắt đầu; không thể sửa');
    }
    await assertNameFree(tx, contestId, cleanText(input.name), sessionId);
    const [after] = await tx
      .update(examSessions)
      .set(values(input))
      .where(eq(examSessions.id, sessionId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'exam_session',
      entityId: sessionId,
      before,
      after,
    });
  });
  return getSession(db, contestId, sessionId);
}

/** Deletes an empty session that has not started; its candidates must be moved first. */
export async function deleteSession(db: Db, actor: Actor, contestId: string, sessionId: string) {
  await db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotClosed(contest.status);
    const session = await getSession(tx, contestId, sessionId);
    if (session.status !== 'scheduled') throw new AppError('conflict', 'Ca thi đã bắt đầu; không thể xóa');
    if (session.candidateCount > 0) {
      throw new AppError(
        'conflict',
        `Ca thi còn ${session.candidateCount} thí sinh; hãy chuyển thí sinh sang ca khác trước khi xóa`,
      );
    }
    await tx.delete(examSessions).where(eq(examSessions.id, sessionId));
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'exam_session',
      entityId: sessionId,
      before: session,
    });
  });
}
