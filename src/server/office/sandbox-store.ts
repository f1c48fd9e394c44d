import { sql } from 'drizzle-orm';
import { saveRefusal } from '../../core/exam/timing';
import type { Scenario } from '../../core/office/scenario';
import type { SandboxState } from '../../core/office/state';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { asDate, isoParam, queryRows } from '../db/sql-rows';
import { effectiveDeadline } from '../exam/deadlines';

type SessionStatus = 'scheduled' | 'running' | 'paused' | 'ended';

/** A sandbox with what decides whether it may change: its attempt's status, deadline and session. */
export interface SandboxRecord {
  attemptId: string;
  candidateId: string;
  contestId: string;
  seq: number;
  state: SandboxState;
  scenario: Scenario;
  attempt: {
    status: 'ready' | 'in_progress' | 'finalised';
    startedAt: Date | null;
    deadlineAt: Date | null;
    finalisedAt: Date | null;
    sessionStatus: SessionStatus;
    pausedAt: Date | null;
    graceSeconds: number;
  };
}

interface Row {
  attemptId: string;
  candidateId: string;
  contestId: string;
  seq: number;
  state: SandboxState;
  scenario: Scenario;
  status: SandboxRecord['attempt']['status'];
  startedAt: Date | string | null;
  deadlineAt: Date | string | null;
  finalisedAt: Date | string | null;
  sessionStatus: SessionStatus;
  pausedAt: Date | string | null;
  graceSeconds: number;
}

/** The attempt's sandbox; `not_found` when it has none (the caller already knows the attempt is theirs). */
export async function loadSandbox(db: Db, attemptId: string): Promise<SandboxRecord> {
  const [row] = await queryRows<Row>(
    db,
    sql`select p.attempt_id as "attemptId", a.candidate_id as "candidateId", k.contest_id as "contestId",
          p.seq::float8 as seq, p.state, p.scenario, a.status, a.started_at as "startedAt",
          a.deadline_at as "deadlineAt", a.finalised_at as "finalisedAt", s.status as "sessionStatus",
          s.paused_at as "pausedAt", coalesce((c.rules->>'graceSeconds')::int, 0) as "graceSeconds"
        from practice_sandboxes p
        join attempts a on a.id = p.attempt_id
        join candidates k on k.id = a.candidate_id
        join exam_sessions s on s.id = a.session_id
        join contests c on c.id = k.contest_id
        where p.attempt_id = ${attemptId}`,
  );
  if (!row) throw new AppError('not_found', 'Bài thi chưa có phần thực hành');
  return {
    attemptId: row.attemptId,
    candidateId: row.candidateId,
    contestId: row.contestId,
    seq: Number(row.seq),
    state: row.state,
    scenario: row.scenario,
    attempt: {
      status: row.status,
      startedAt: asDate(row.startedAt),
      deadlineAt: asDate(row.deadlineAt),
      finalisedAt: asDate(row.finalisedAt),
      sessionStatus: row.sessionStatus,
      pausedAt: asDate(row.pausedAt),
      graceSeconds: Number(row.graceSeconds),
    },
  };
}

/**
 * Refuses a change outside the exam's time, the practice part being a section of the same attempt
 * under the same timer: before the start, while the session is paused, after the deadline and its
 * grace, and once the attempt is finalised.
 */
export function assertPracticeOpen(record: SandboxRecord, now: Date): void {
  const { attempt } = record;
  if (attempt.status === 'finalised') {
    throw new AppError('attempt_closed', 'Bài thi đã được thu, thao tác thực hành không được ghi nhận');
  }
  if (attempt.status === 'ready' || attempt.sessionStatus === 'scheduled') {
    throw new AppError('exam_not_started', 'Ca thi chưa bắt đầu');
  }
  if (attempt.sessionStatus === 'paused') {
    throw new AppError('exam_paused', 'Ca thi đang tạm dừng, vui lòng chờ giám thị cho tiếp tục');
  }
  const deadline = effectiveDeadline(attempt.deadlineAt, attempt, now) ?? now;
  const refusal = saveRefusal(deadline, attempt.graceSeconds, now, attempt.sessionStatus);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** The refusal of a change made against a state the candidate no longer sees. */
export function staleSequence(heldSeq: number): AppError {
  return new AppError('conflict', 'Dữ liệu bài thực hành đã thay đổi ở nơi khác, vui lòng tải lại', {
    reason: 'stale_sequence',
    seq: heldSeq,
  });
}

/**
 * Stores the next state if the sandbox is still at `expectedSeq` and its attempt still open (checked
 * in the same statement, so a finalisation or another tab in between makes it change nothing).
 * Returns the new sequence.
 */
export async function storeState(
  db: Db,
  attemptId: string,
  expectedSeq: number,
  next: SandboxState,
  now: Date,
): Promise<number> {
  const at = isoParam(now);
  const rows = await queryRows<{ seq: number }>(
    db,
    sql`update practice_sandboxes p
        set state = ${JSON.stringify(next)}::jsonb, seq = p.seq + 1, updated_at = ${at}::timestamptz
        from attempts a join exam_sessions s on s.id = a.session_id
          join candidates k on k.id = a.candidate_id join contests c on c.id = k.contest_id
        where p.attempt_id = ${attemptId} and a.id = p.attempt_id and p.seq = ${expectedSeq}
          and a.status = 'in_progress' and s.status = 'running'
          and ${at}::timestamptz <= a.deadline_at + make_interval(secs => coalesce((c.rules->>'graceSeconds')::int, 0))
        returning p.seq::float8 as seq`,
  );
  if (rows.length > 0) return Number(rows[0]!.seq);
  const held = await loadSandbox(db, attemptId);
  assertPracticeOpen(held, now);
  throw staleSequence(held.seq);
}
