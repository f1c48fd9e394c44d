import { eq } from 'drizzle-orm';
import type { TContest, TContestPatch } from '../../contracts/contests';
import type { ContestRules } from '../../core/exam/contest';
import { AppError } from '../../core/shared/app-error';
import { cleanText } from '../../core/shared/text';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { contests } from '../db/schema';
import { assertNotClosed, getContest, lockContest } from './contests-repo';
import { assertRulesWithScenario } from './rules-check';

/** Edits a contest. Its rules are read-only once it is open: papers and grading depend on them. */
export async function updateContest(
  db: Db,
  actor: Actor,
  id: string,
  patch: TContestPatch,
  now: Date,
): Promise<TContest> {
  const rules = patch.rules as ContestRules | undefined;
  if (rules) await assertRulesWithScenario(db, rules);
  await db.transaction(async (tx) => {
    const before = await lockContest(tx, id);
    assertNotClosed(before.status);
    if (rules && before.status !== 'draft') {
      throw new AppError(
        'contest_locked',
        'Kỳ thi đã mở: thể lệ chỉ xem, không sửa được. Chuyển kỳ thi về trạng thái nháp để sửa.',
      );
    }
    const changes = {
      ...(patch.year !== undefined ? { year: patch.year } : {}),
      ...(patch.name !== undefined ? { name: cleanText(patch.name) } : {}),
      ...(rules ? { rules } : {}),
      updatedAt: now,
    };
    const [after] = await tx.update(contests).set(changes).where(eq(contests.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'contest', entityId: id, before, after });
  });
  return getContest(db, id);
}
