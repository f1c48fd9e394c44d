import { eq, sql } from 'drizzle-orm';
import type { TContest, TContestStatus } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { contests } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { checkContestBlueprint } from './check-blueprint';
import { getContest, lockContest } from './contests-repo';
import { assertRulesWithScenario } from './rules-check';

const ALLOWED: Record<TContestStatus, TContestStatus[]> = {
  draft: ['open'],
  // Back to draft only while no paper exists, to fix the rules before anyone sat the exam.
  open: ['closed', 'draft'],
  closed: [],
};

const LABEL: Record<TContestStatus, string> = { draft: 'nháp', open: 'đang mở', closed: 'đã kết thúc' };

/** Moves a contest draft → open → closed. Opening needs valid rules and enough approved questions. */
export async function setContestStatus(
  db: Db,
  actor: Actor,
  id: string,
  status: TContestStatus,
  now: Date,
): Promise<TContest> {
  const current = await getContest(db, id);
  if (!ALLOWED[current.status].includes(status)) {
    throw new AppError(
      'conflict',
      `Không thể chuyển kỳ thi từ trạng thái "${LABEL[current.status]}" sang "${LABEL[status]}"`,
    );
  }
  if (status === 'open') {
    await assertRulesWithScenario(db, current.rules);
    // Checked before the transaction: PGlite runs one query at a time, so the transaction stays short.
    const check = await checkContestBlueprint(db, current.rules);
    if (!check.ok) {
      throw new AppError(
        'validation_failed',
        'Ngân hàng chưa đủ câu hỏi đã duyệt cho cấu trúc đề; chưa thể mở kỳ thi',
        check.rows
          .filter((r) => !r.ok)
          .map((r) => ({ path: `rules.blueprint.${r.index}`, message: r.label })),
      );
    }
  }
  if (status === 'draft') {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from attempts a join candidates c on c.id = a.candidate_id
          where c.contest_id = ${id}`,
    );
    if (Number(row?.n ?? 0) > 0) {
      throw new AppError('contest_locked', 'Đã có bài thi được tạo; không thể chuyển kỳ thi về nháp');
    }
  }
  await db.transaction(async (tx) => {
    const before = await lockContest(tx, id);
    if (before.status !== current.status) {
      throw new AppError('conflict', 'Trạng thái kỳ thi vừa được người khác thay đổi; hãy tải lại trang');
    }
    await tx.update(contests).set({ status, updatedAt: now }).where(eq(contests.id, id));
    await recordAudit(tx, actor, {
      action: 'set_status',
      entity: 'contest',
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
  });
  return getContest(db, id);
}
