import { and, eq, sql } from 'drizzle-orm';
import type { ItemOverride } from '../../core/exam/regrade';
import { AppError } from '../../core/shared/app-error';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { contestItemOverrides, questionVersions } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { writeRecompute } from './recompute';
import type { RegradeDiffEntry } from './recompute-plan';
import { loadOverrides, planRecompute } from './recompute-plan';

/** A correction of one question: a new key, a drop (credit or remove), or back to the bank's key. */
export type Correction =
  | { mode: 'key'; correct: string[] }
  | { mode: 'drop_credit' }
  | { mode: 'drop_remove' }
  | { mode: 'restore' };

export interface RegradeRequest {
  contestId: string;
  versionId: string;
  correction: Correction;
  reason: string;
  actor: Actor;
  /** Compute and return the diff, write nothing. */
  dryRun?: boolean;
}

export interface RegradeOutcome {
  dryRun: boolean;
  /** Null for a dry run. */
  regradeId: string | null;
  diff: RegradeDiffEntry[];
  changedCount: number;
  checkedCount: number;
  /** Finalised attempts whose paper has the question. */
  affectedCount: number;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

/** The contest's corrections with this one applied (restore removes the question's). */
function withCorrection(current: ItemOverride[], versionId: string, c: Correction): ItemOverride[] {
  const others = current.filter((o) => o.versionId !== versionId);
  if (c.mode === 'restore') return others;
  return [...others, { versionId, mode: c.mode, correct: c.mode === 'key' ? [...new Set(c.correct)] : null }];
}

async function checkCorrection(db: Db, req: RegradeRequest, current: ItemOverride | undefined) {
  const [version] = await db
    .select({ type: questionVersions.type, options: questionVersions.options })
    .from(questionVersions)
    .where(eq(questionVersions.id, req.versionId));
  const [used] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from attempts a join candidates c on c.id = a.candidate_id
        where c.contest_id = ${req.contestId} and a.status = 'finalised'
          and a.paper @> ${JSON.stringify([{ versionId: req.versionId }])}::jsonb`,
  );
  const affected = Number(used?.n ?? 0);
  if (!version || affected === 0) {
    throw new AppError('question_not_found', 'Câu hỏi này không có trong bài thi đã nộp nào của kỳ thi');
  }
  const c = req.correction;
  if (c.mode === 'restore' && !current) {
    throw new AppError('validation_failed', 'Câu hỏi đang chấm theo đáp án gốc: không có gì để khôi phục');
  }
  if (c.mode === 'key') {
    const keys = new Set(version.options.map((o) => o.key));
    const chosen = [...new Set(c.correct)];
    if (chosen.length === 0 || chosen.some((k) => !keys.has(k))) {
      throw new AppError('validation_failed', 'Đáp án mới phải gồm ít nhất một phương án của câu hỏi');
    }
    const inForce =
      current?.mode === 'key'
        ? (current.correct ?? [])
        : version.options.filter((o) => o.correct).map((o) => o.key);
    if ((!current || current.mode === 'key') && sameSet(chosen, inForce)) {
      throw new AppError('validation_failed', 'Đáp án mới trùng với đáp án đang dùng để chấm');
    }
  } else if (c.mode !== 'restore' && current?.mode === c.mode) {
    throw new AppError('validation_failed', 'Câu hỏi đã được xử lý như vậy rồi');
  }
  return affected;
}

/**
 * Corrects one question of a contest and recomputes every attempt through `recomputeAttempts`'s
 * plan and write: the correction is stored in `contest_item_overrides` in the same transaction as the
 * new scores, the regrade row with its diff and the audit line. A dry run returns the same diff and
 * writes nothing.
 */
export async function regradeQuestion(db: Db, req: RegradeRequest): Promise<RegradeOutcome> {
  const reason = req.reason.trim();
  if (!req.dryRun && !reason) throw new AppError('validation_failed', 'Cần ghi lý do chấm lại');
  const current = await loadOverrides(db, req.contestId);
  const affectedCount = await checkCorrection(
    db,
    req,
    current.find((o) => o.versionId === req.versionId),
  );
  const overrides = withCorrection(current, req.versionId, req.correction);
  const plan = await planRecompute(db, { contestId: req.contestId, overrides });
  if (req.dryRun) {
    return {
      dryRun: true,
      regradeId: null,
      diff: plan.diff,
      changedCount: plan.diff.length,
      checkedCount: plan.checkedCount,
      affectedCount,
    };
  }
  const c = req.correction;
  const out = await writeRecompute(
    db,
    plan,
    {
      contestId: req.contestId,
      cause: c.mode,
      versionId: req.versionId,
      change: c,
      reason,
      actor: req.actor,
    },
    async (tx, regradeId) => {
      await tx
        .delete(contestItemOverrides)
        .where(
          and(
            eq(contestItemOverrides.contestId, req.contestId),
            eq(contestItemOverrides.versionId, req.versionId),
          ),
        );
      if (c.mode !== 'restore') {
        await tx.insert(contestItemOverrides).values({
          contestId: req.contestId,
          versionId: req.versionId,
          mode: c.mode,
          correct: c.mode === 'key' ? [...new Set(c.correct)] : null,
          reason,
          regradeId,
          createdBy: req.actor.id,
        });
      }
    },
  );
  return { dryRun: false, ...out, affectedCount };
}
