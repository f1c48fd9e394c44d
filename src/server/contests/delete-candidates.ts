import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { candidates } from '../db/schema';
import { lockContest } from './contests-repo';

/** Deletes candidates, only while the contest is a draft: once open, a registration is history. */
export async function deleteCandidates(
  db: Db,
  actor: Actor,
  contestId: string,
  candidateIds: string[],
): Promise<number> {
  return db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    if (contest.status !== 'draft') {
      throw new AppError('contest_locked', 'Kỳ thi đã mở; không thể xóa thí sinh');
    }
    const where = and(eq(candidates.contestId, contestId), inArray(candidates.id, candidateIds));
    const before = await tx
      .select({ id: candidates.id, number: candidates.number, fullName: candidates.fullName })
      .from(candidates)
      .where(where);
    if (before.length !== new Set(candidateIds).size) {
      throw new AppError('candidate_not_found', 'Có thí sinh không thuộc kỳ thi này');
    }
    await tx.delete(candidates).where(where);
    for (const c of before) {
      await recordAudit(tx, actor, { action: 'delete', entity: 'candidate', entityId: c.id, before: c });
    }
    return before.length;
  });
}
