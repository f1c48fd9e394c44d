import { sql } from 'drizzle-orm';
import { isDue } from '../../core/exam/timing';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import { isoParam, queryRows } from '../db/sql-rows';
import { finaliseLockedAttempts, lockOpenAttempts } from '../exam/finalise-attempts';

/** Attempts finalised per transaction: short transactions keep PGlite responsive at the deadline. */
const BATCH = 200;
const SYSTEM = { id: null, username: 'system', ip: null };

export interface FinaliseTickResult {
  finalised: number;
  sessionsEnded: string[];
}

/**
 * One tick of the finalisation job: closes every open attempt whose deadline + grace has passed in a
 * running or ended session (never while paused), grades it, and records the deadline as its finish
 * time. `FOR UPDATE SKIP LOCKED` and the `status = 'in_progress'` guard make each attempt final exactly
 * once however many app instances tick at the same time. Then ends sessions whose attempts are all final.
 */
export async function finaliseDueAttempts(db: Db, now: Date): Promise<FinaliseTickResult> {
  let finalised = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const locked = await lockOpenAttempts(
        tx,
        sql`s.status in ('running', 'ended') and a.deadline_at <= ${isoParam(now)}::timestamptz
            and a.deadline_at + make_interval(secs => coalesce((c.rules->>'graceSeconds')::int, 0))
              < ${isoParam(now)}::timestamptz`,
        { limit: BATCH, skipLocked: true },
      );
      const due = locked.filter((a) => a.deadlineAt && isDue(a.deadlineAt, a.graceSeconds, now));
      const done = await finaliseLockedAttempts(tx, due, {
        by: 'deadline',
        now,
        finishAt: (a) => a.deadlineAt!,
      });
      return { locked: locked.length, done: done.length };
    });
    finalised += batch.done;
    // A full batch may hide more due attempts; a batch that finalised nothing means the rest is
    // being handled by another instance (or is not due), so this tick is done.
    if (batch.locked < BATCH || batch.done === 0) break;
  }
  const sessionsEnded = await endFinishedSessions(db, now);
  return { finalised, sessionsEnded };
}

/** A started session whose attempts are all final has nothing left to run: it ends by itself. */
export async function endFinishedSessions(db: Db, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ended = await queryRows<{ id: string }>(
      tx,
      sql`update exam_sessions s set status = 'ended', ended_at = ${isoParam(now)}::timestamptz, paused_at = null
          where s.status in ('running', 'paused')
            and exists (select 1 from attempts a where a.session_id = s.id)
            and not exists (select 1 from attempts a where a.session_id = s.id and a.status <> 'finalised')
          returning s.id`,
    );
    for (const { id } of ended) {
      await recordAudit(tx, SYSTEM, {
        action: 'exam_session_end',
        entity: 'exam_session',
        entityId: id,
        after: { status: 'ended', endedAt: now.toISOString(), reason: 'all_attempts_final' },
      });
    }
    return ended.map((r) => r.id);
  });
}
