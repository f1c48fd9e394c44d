import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ItemOverride } from '../../core/exam/regrade';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { contestRegrades } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import {
  contestRecomputeState,
  planRecompute,
  type RecomputePlan,
  type RegradeDiffEntry,
} from './recompute-plan';

export type RecomputeCause = 'key' | 'drop_credit' | 'drop_remove' | 'restore' | 'appeal';

export interface RecomputeOptions {
  contestId: string;
  cause: RecomputeCause;
  /** The question version a correction concerns. */
  versionId?: string | null;
  /** The appeal whose decision caused it; its adjustments count only in "after". */
  appealId?: string | null;
  /** The change as requested (the new key, the drop, the appeal's points), kept with the regrade. */
  change?: unknown;
  reason: string;
  actor: Actor;
  /** Only these attempts (default: every finalised attempt of the contest). */
  attemptIds?: string[];
}

export interface RecomputeOutcome {
  regradeId: string;
  /** Every attempt whose theory, practice, total or flag changed. */
  diff: RegradeDiffEntry[];
  changedCount: number;
  checkedCount: number;
}

/** Internal: regrade.ts plans with the corrections it is about to store and stores them in the same transaction. */
export interface RecomputeHooks {
  overrides?: ItemOverride[];
  /** Runs inside the write transaction, after the contest is locked, before the scores are written. */
  onWrite?: (tx: Db, regradeId: string) => Promise<void>;
}

/** Writes a plan in one short transaction under a lock on the contest row; refuses a plan made stale meanwhile. */
export async function writeRecompute(
  db: Db,
  plan: RecomputePlan,
  opts: RecomputeOptions,
  onWrite?: RecomputeHooks['onWrite'],
): Promise<RecomputeOutcome> {
  const regradeId = randomUUID();
  const values = plan.writes.map((w) => ({ id: w.id, score: w.score, max: w.max, grading: w.grading }));
  await db.transaction(async (tx) => {
    await queryRows(tx, sql`select id from contests where id = ${opts.contestId} for update`);
    const state = await contestRecomputeState(tx, opts.contestId);
    if (state.regrades !== plan.regradeCount || state.running > 0) {
      throw new AppError(
        'conflict',
        'Kết quả vừa được chấm lại bởi thao tác khác: hãy xem lại rồi thực hiện lại',
        {
          planned: plan.regradeCount,
          now: state.regrades,
        },
      );
    }
    if (onWrite) await onWrite(tx, regradeId);
    if (values.length > 0) {
      await tx.execute(
        sql`update attempts a
            set theory_score = x.score, theory_max = x.max, grading = x.grading
            from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
              as x(id uuid, score real, max real, grading jsonb)
            where a.id = x.id and a.status = 'finalised'`,
      );
    }
    await tx.insert(contestRegrades).values({
      id: regradeId,
      contestId: opts.contestId,
      cause: opts.cause,
      versionId: opts.versionId ?? null,
      appealId: opts.appealId ?? null,
      change: opts.change ?? null,
      reason: opts.reason,
      diff: plan.diff,
      changedCount: plan.diff.length,
      checkedCount: plan.checkedCount,
      actorId: opts.actor.id,
    });
    await recordAudit(tx, opts.actor, {
      action: 'regrade',
      entity: 'contest',
      entityId: opts.contestId,
      after: {
        regradeId,
        cause: opts.cause,
        versionId: opts.versionId ?? null,
        appealId: opts.appealId ?? null,
        change: opts.change ?? null,
        reason: opts.reason,
        changedCount: plan.diff.length,
        checkedCount: plan.checkedCount,
      },
    });
  });
  return { regradeId, diff: plan.diff, changedCount: plan.diff.length, checkedCount: plan.checkedCount };
}

/**
 * THE audited recompute: regrades theory from the raw answers with the contest's current corrections
 * (raw answers are never edited), takes adjustments into account, stores the new theory scores, and
 * records a `contest_regrades` row with the diff and an audit line. Computed outside, written in one
 * short transaction that locks the contest row so that two recomputes never interleave.
 */
export async function recomputeAttempts(
  db: Db,
  opts: RecomputeOptions,
  hooks: RecomputeHooks = {},
): Promise<RecomputeOutcome> {
  if (!opts.reason.trim()) throw new AppError('validation_failed', 'Cần ghi lý do chấm lại');
  const plan = await planRecompute(db, {
    contestId: opts.contestId,
    overrides: hooks.overrides,
    attemptIds: opts.attemptIds,
    appealId: opts.appealId,
  });
  return writeRecompute(db, plan, opts, hooks.onWrite);
}
