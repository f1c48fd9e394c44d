import { sql } from 'drizzle-orm';
import type { TExamSaveRequest, TExamSaveResponse } from '../../contracts/exam';
import type { PaperItem } from '../../core/exam/contest';
import { applySave } from '../../core/exam/saves';
import { saveRefusal } from '../../core/exam/timing';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { asDate, isoParam, queryRows } from '../db/sql-rows';
import { effectiveDeadline } from './deadlines';
import { type RequestOrigin, recordAttemptEvent } from './events';

/**
 * A paper never changes once assembled, nor the contest's grace once it is open, so each instance
 * reads them once per candidate, not per save.
 */
const paperCache = new Map<string, { attemptId: string; paper: PaperItem[]; graceSeconds: number }>();
const PAPER_CACHE_LIMIT = 20_000;

async function attemptPaper(db: Db, candidateId: string) {
  const hit = paperCache.get(candidateId);
  if (hit) return hit;
  const [row] = await queryRows<{ attemptId: string; paper: PaperItem[]; graceSeconds: number }>(
    db,
    sql`select a.id as "attemptId", a.paper, coalesce((c.rules->>'graceSeconds')::int, 0) as "graceSeconds"
        from attempts a join candidates k on k.id = a.candidate_id join contests c on c.id = k.contest_id
        where a.candidate_id = ${candidateId}`,
  );
  if (!row) return null;
  if (paperCache.size >= PAPER_CACHE_LIMIT) paperCache.clear();
  paperCache.set(candidateId, row);
  return row;
}

/**
 * Stores the candidate's full answer state if it is newer than what the server holds. The hot path is
 * one statement: a conditional UPDATE (sequence, status, session and deadline + grace checked in SQL)
 * and its event insert; only a save that changes nothing reads more, to say why. A repeated
 * or older save is acknowledged with the sequence held; a save after deadline + grace is refused
 * (`attempt_closed`) and kept in the record with its answers.
 */
export async function saveAnswers(
  db: Db,
  candidateId: string,
  body: TExamSaveRequest,
  now: Date,
  origin: RequestOrigin,
): Promise<TExamSaveResponse> {
  const found = await attemptPaper(db, candidateId);
  const refuse = async (attemptId: string | null, code: string, payload: Record<string, unknown>) =>
    recordAttemptEvent(db, {
      candidateId,
      attemptId,
      kind: 'save_refused',
      at: now,
      seq: body.seq,
      payload: { reason: code, answers: body.answers, flagged: body.flagged, ...payload },
      ...origin,
    });
  if (!found) {
    await refuse(null, 'exam_not_started', {});
    throw new AppError('exam_not_started', 'Ca thi chưa bắt đầu');
  }
  const checked = applySave({ lastSeq: 0, answers: {}, flagged: [] }, body, found.paper);
  if (checked.outcome === 'refused') {
    await refuse(found.attemptId, checked.reason, {});
    throw new AppError('validation_failed', checked.message, { reason: checked.reason });
  }
  const { answers, flagged } = checked.state;
  const at = isoParam(now);

  // One statement: the conditional UPDATE and its event insert commit together or not at all, with
  // a single round trip (PGlite serves one query at a time; PostgreSQL holds the row lock briefly).
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with applied as (
          update attempts a
          set answers = ${JSON.stringify(answers)}::jsonb, flagged = ${JSON.stringify(flagged)}::jsonb,
              last_seq = ${body.seq}, saved_at = ${at}::timestamptz
          from exam_sessions s
          where a.id = ${found.attemptId} and s.id = a.session_id
            and a.status = 'in_progress' and a.last_seq < ${body.seq}
            and case s.status
              when 'running' then ${at}::timestamptz
              when 'paused' then s.paused_at
            end <= a.deadline_at + make_interval(secs => ${found.graceSeconds})
          returning a.id, a.candidate_id
        )
        insert into attempt_events (candidate_id, attempt_id, kind, at, seq, payload, ip, user_agent)
        select applied.candidate_id, applied.id, 'save', ${at}::timestamptz, ${body.seq},
          ${JSON.stringify({ answers, flagged })}::jsonb, ${origin.ip}, ${origin.userAgent}
        from applied
        returning attempt_id as id`,
  );
  const applied = rows.length > 0;
  if (applied) return { ackSeq: body.seq, applied: true, savedAt: now.toISOString() };

  const [held] = await queryRows<{
    status: string;
    lastSeq: number;
    savedAt: Date | null;
    deadlineAt: Date | null;
    sessionStatus: 'scheduled' | 'running' | 'paused' | 'ended';
    pausedAt: Date | null;
    graceSeconds: number;
  }>(
    db,
    sql`select a.status, a.last_seq::float8 as "lastSeq", a.saved_at as "savedAt", a.deadline_at as "deadlineAt",
          s.status as "sessionStatus", s.paused_at as "pausedAt",
          coalesce((c.rules->>'graceSeconds')::int, 0) as "graceSeconds"
        from attempts a join exam_sessions s on s.id = a.session_id join contests c on c.id = s.contest_id
        where a.id = ${found.attemptId}`,
  );
  if (held && Number(held.lastSeq) >= body.seq) {
    // A retry or a late delivery of an older save: that state or a newer one is already durable.
    await recordAttemptEvent(db, {
      candidateId,
      attemptId: found.attemptId,
      kind: 'save_stale',
      at: now,
      seq: body.seq,
      payload: { heldSeq: Number(held.lastSeq), answers, flagged },
      ...origin,
    });
    return {
      ackSeq: Number(held.lastSeq),
      applied: false,
      savedAt: (asDate(held.savedAt) ?? now).toISOString(),
    };
  }
  const refusal =
    !held || held.status === 'ready'
      ? { code: 'exam_not_started' as const, message: 'Ca thi chưa bắt đầu' }
      : held.status === 'finalised'
        ? {
            code: 'attempt_closed' as const,
            message: 'Bài thi đã được thu, câu trả lời này không được ghi nhận',
          }
        : (saveRefusal(
            effectiveDeadline(
              asDate(held.deadlineAt),
              { status: held.sessionStatus, pausedAt: asDate(held.pausedAt) },
              now,
            ) ?? now,
            Number(held.graceSeconds),
            now,
            held.sessionStatus,
          ) ?? { code: 'conflict' as const, message: 'Trạng thái ca thi vừa thay đổi, đang lưu lại' });
  await refuse(found.attemptId, refusal.code, {});
  throw new AppError(refusal.code, refusal.message);
}
