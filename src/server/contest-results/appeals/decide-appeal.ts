import { eq, sql } from 'drizzle-orm';
import type { TAppealDecisionRequest } from '../../../contracts/contest-results-appeals';
import type { TAppealDecisionResult } from '../../../contracts/contest-results-appeals-detail';
import { roundPoints } from '../../../core/exam/points';
import { practiceScenarioOf, practiceSectionPoints } from '../../../core/exam/rules';
import { AppError } from '../../../core/shared/app-error';
import { type Actor, recordAudit } from '../../audit';
import type { Db } from '../../db/client';
import { attemptAdjustments, contestAppeals } from '../../db/schema';
import { queryRows } from '../../db/sql-rows';
import { loadContestResults } from '../load-results';
import { type RecomputeOutcome, recomputeAttempts } from '../recompute';
import { getAppeal } from './appeal-rows';

const SECTION_NAME = { theory: 'lý thuyết', practice: 'thực hành' } as const;
const formatPoints = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

/**
 * Decides an open appeal with a reason. An accepting decision with points writes an
 * `attempt_adjustments` row and goes through the audited recompute (cause `appeal`) in the same
 * transaction, so the change is in `contest_regrades` with its diff or nothing is stored at all. The
 * contest row is locked first, as every recompute does, so a decision never interleaves with a regrade.
 */
export async function decideAppeal(
  db: Db,
  input: { appealId: string; request: TAppealDecisionRequest; actor: Actor; now: Date },
): Promise<TAppealDecisionResult> {
  const { request, actor, now } = input;
  const before = await getAppeal(db, input.appealId);
  const adjustment = request.decision === 'accepted' ? (request.adjustment ?? null) : null;
  if (request.decision === 'rejected' && request.adjustment) {
    throw new AppError('validation_failed', 'Bác đơn thì không điều chỉnh điểm');
  }
  let regrade: RecomputeOutcome | null = null;
  await db.transaction(async (tx) => {
    await queryRows(tx, sql`select id from contests where id = ${before.contestId} for update`);
    const [locked] = await queryRows<{ status: string; attempt_id: string | null }>(
      tx,
      sql`select status, attempt_id from contest_appeals where id = ${input.appealId} for update`,
    );
    if (locked?.status !== 'open') {
      throw new AppError('conflict', 'Đơn phúc khảo này đã được giải quyết', { status: locked?.status });
    }
    if (adjustment) {
      const results = await loadContestResults(tx, before.contestId, { candidateIds: [before.candidateId] });
      const current = results.candidates[0];
      const rules = results.contest.rules;
      if (!current?.attemptId || !current.result) {
        throw new AppError('conflict', 'Kết quả của thí sinh chưa chấm xong nên chưa thể điều chỉnh điểm');
      }
      if (adjustment.section === 'practice' && !practiceScenarioOf(rules)) {
        throw new AppError('validation_failed', 'Kỳ thi không có phần thực hành để điều chỉnh');
      }
      const max =
        adjustment.section === 'practice'
          ? practiceSectionPoints(rules)
          : (rules.sections.find((s) => s.code === 'theory')?.points ?? 0);
      const next = roundPoints(current.result[adjustment.section] + adjustment.points);
      if (next < 0 || next > max) {
        throw new AppError(
          'validation_failed',
          `Sau điều chỉnh, điểm phần ${SECTION_NAME[adjustment.section]} sẽ là ${formatPoints(next)}, ngoài khoảng 0–${formatPoints(max)} điểm`,
        );
      }
      await tx.insert(attemptAdjustments).values({
        attemptId: current.attemptId,
        section: adjustment.section,
        points: adjustment.points,
        reason: request.reason,
        appealId: input.appealId,
        actorId: actor.id,
        createdAt: now,
      });
      regrade = await recomputeAttempts(tx, {
        contestId: before.contestId,
        cause: 'appeal',
        appealId: input.appealId,
        change: { section: adjustment.section, points: adjustment.points },
        reason: request.reason,
        actor,
        attemptIds: [current.attemptId],
      });
    }
    await tx
      .update(contestAppeals)
      .set({
        status: request.decision,
        decisionReason: request.reason,
        decidedBy: actor.id,
        decidedAt: now,
        regradeId: (regrade as RecomputeOutcome | null)?.regradeId ?? null,
      })
      .where(eq(contestAppeals.id, input.appealId));
    await recordAudit(tx, actor, {
      action: 'appeal_decided',
      entity: 'contest_appeal',
      entityId: input.appealId,
      before: { status: before.status },
      after: {
        status: request.decision,
        reason: request.reason,
        adjustment,
        regradeId: (regrade as RecomputeOutcome | null)?.regradeId ?? null,
      },
    });
  });
  const done = regrade as RecomputeOutcome | null;
  return {
    appeal: await getAppeal(db, input.appealId),
    regrade: done
      ? {
          regradeId: done.regradeId,
          changedCount: done.changedCount,
          checkedCount: done.checkedCount,
          diff: done.diff,
        }
      : null,
  };
}
