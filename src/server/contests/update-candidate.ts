import { and, eq, ne } from 'drizzle-orm';
import type { TCandidate, TCandidatePatch } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import { cleanText } from '../../core/shared/text';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, candidates, examSessions, units } from '../db/schema';
import { candidateSearchText, getCandidate } from './candidates-repo';
import { assertNotClosed, lockContest } from './contests-repo';

/** Edits a candidate's registration; the unit's name and level come from the unit register. */
export async function updateCandidate(
  db: Db,
  actor: Actor,
  contestId: string,
  candidateId: string,
  patch: TCandidatePatch,
): Promise<TCandidate> {
  await db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotClosed(contest.status);
    const [before] = await tx
      .select()
      .from(candidates)
      .where(and(eq(candidates.contestId, contestId), eq(candidates.id, candidateId)));
    if (!before) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh');
    const next = { ...before };
    if (patch.number !== undefined && patch.number !== before.number) {
      const [taken] = await tx
        .select({ id: candidates.id })
        .from(candidates)
        .where(
          and(
            eq(candidates.contestId, contestId),
            eq(candidates.number, patch.number),
            ne(candidates.id, candidateId),
          ),
        );
      if (taken) {
        throw new AppError('conflict', `Số báo danh ${patch.number} đã được dùng`, [
          { path: 'number', message: 'Số báo danh đã được dùng trong kỳ thi này' },
        ]);
      }
      next.number = patch.number;
    }
    if (patch.fullName !== undefined) next.fullName = cleanText(patch.fullName);
    if (patch.birthDate !== undefined) next.birthDate = patch.birthDate;
    if (patch.position !== undefined) next.position = patch.position ? cleanText(patch.position) : null;
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) {
      const [unit] = await tx
        .select({ name: units.name, level: units.level })
        .from(units)
        .where(eq(units.id, patch.unitId));
      if (!unit) throw new AppError('unit_not_found', 'Không tìm thấy đơn vị');
      Object.assign(next, { unitId: patch.unitId, unitName: unit.name, level: unit.level });
    }
    if (patch.sessionId !== undefined && patch.sessionId !== before.sessionId) {
      const [attempt] = await tx
        .select({ id: attempts.id })
        .from(attempts)
        .where(eq(attempts.candidateId, candidateId));
      if (attempt) throw new AppError('conflict', 'Thí sinh đã có bài thi; không thể đổi ca');
      if (patch.sessionId) {
        const [session] = await tx
          .select({ status: examSessions.status })
          .from(examSessions)
          .where(and(eq(examSessions.id, patch.sessionId), eq(examSessions.contestId, contestId)));
        if (!session) throw new AppError('exam_session_not_found', 'Không tìm thấy ca thi');
        if (session.status !== 'scheduled') throw new AppError('conflict', 'Ca thi đã bắt đầu');
      }
      next.sessionId = patch.sessionId;
    }
    next.searchText = candidateSearchText(next);
    const { id: _id, createdAt: _c, passwordHash: _p, ...changes } = next;
    await tx.update(candidates).set(changes).where(eq(candidates.id, candidateId));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'candidate',
      entityId: candidateId,
      before,
      after: next,
    });
  });
  return getCandidate(db, contestId, candidateId);
}
