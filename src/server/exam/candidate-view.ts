import { sql } from 'drizzle-orm';
import type { TExamPhase } from '../../contracts/exam';
import type { PaperItem } from '../../core/exam/contest';
import { remainingSeconds } from '../../core/exam/timing';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { asDate, queryRows } from '../db/sql-rows';
import { effectiveDeadline } from './deadlines';

export interface CandidateView {
  candidate: { id: string; number: string; fullName: string; unitName: string; position: string | null };
  contest: { id: string; name: string; durationMinutes: number; graceSeconds: number };
  session: {
    id: string;
    name: string;
    room: string | null;
    scheduledAt: Date;
    status: string;
    startedAt: Date | null;
    pausedAt: Date | null;
  } | null;
  attempt: {
    id: string;
    status: 'ready' | 'in_progress' | 'finalised';
    deadlineAt: Date | null;
    lastSeq: number;
    startedAt: Date | null;
    finalisedAt: Date | null;
    finalisedBy: 'candidate' | 'deadline' | 'proctor' | null;
    paper?: PaperItem[];
    answers?: Record<string, string[]>;
    flagged?: string[];
  } | null;
  phase: TExamPhase;
  deadlineAt: Date | null;
  remainingSeconds: number | null;
}

type Row = Record<string, unknown>;

/** Everything the exam page needs about the signed-in candidate, in one query (the paper only on request). */
export async function loadCandidateView(
  db: Db,
  candidateId: string,
  now: Date,
  withPaper: boolean,
): Promise<CandidateView> {
  const [r] = await queryRows<Row>(
    db,
    sql`select c.id, c.number, c.full_name, c.unit_name, c.position,
          k.id as contest_id, k.name as contest_name,
          coalesce((k.rules->>'durationMinutes')::int, 0) as duration_minutes,
          coalesce((k.rules->>'graceSeconds')::int, 0) as grace_seconds,
          s.id as session_id, s.name as session_name, s.room, s.scheduled_at, s.status as session_status,
          s.started_at as session_started_at, s.paused_at,
          a.id as attempt_id, a.status as attempt_status, a.deadline_at, a.last_seq::float8 as last_seq,
          a.started_at, a.finalised_at, a.finalised_by
          ${withPaper ? sql`, a.paper, a.answers, a.flagged` : sql``}
        from candidates c
        join contests k on k.id = c.contest_id
        left join attempts a on a.candidate_id = c.id
        left join exam_sessions s on s.id = coalesce(a.session_id, c.session_id)
        where c.id = ${candidateId}`,
  );
  if (!r) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh');
  const session = r.session_id
    ? {
        id: r.session_id as string,
        name: r.session_name as string,
        room: (r.room as string | null) ?? null,
        scheduledAt: asDate(r.scheduled_at as Date)!,
        status: r.session_status as string,
        startedAt: asDate(r.session_started_at as Date | null),
        pausedAt: asDate(r.paused_at as Date | null),
      }
    : null;
  const attempt = r.attempt_id
    ? {
        id: r.attempt_id as string,
        status: r.attempt_status as 'ready' | 'in_progress' | 'finalised',
        deadlineAt: asDate(r.deadline_at as Date | null),
        lastSeq: Number(r.last_seq ?? 0),
        startedAt: asDate(r.started_at as Date | null),
        finalisedAt: asDate(r.finalised_at as Date | null),
        finalisedBy: (r.finalised_by as 'candidate' | 'deadline' | 'proctor' | null) ?? null,
        ...(withPaper
          ? {
              paper: r.paper as PaperItem[],
              answers: r.answers as Record<string, string[]>,
              flagged: r.flagged as string[],
            }
          : {}),
      }
    : null;
  const phase: TExamPhase = !session
    ? 'no_session'
    : attempt?.status === 'finalised'
      ? 'finalised'
      : !attempt || attempt.status === 'ready'
        ? 'waiting'
        : session.status === 'paused'
          ? 'paused'
          : 'in_progress';
  const deadlineAt =
    attempt && session && phase !== 'waiting' ? effectiveDeadline(attempt.deadlineAt, session, now) : null;
  return {
    candidate: {
      id: r.id as string,
      number: r.number as string,
      fullName: r.full_name as string,
      unitName: r.unit_name as string,
      position: (r.position as string | null) ?? null,
    },
    contest: {
      id: r.contest_id as string,
      name: r.contest_name as string,
      durationMinutes: Number(r.duration_minutes),
      graceSeconds: Number(r.grace_seconds),
    },
    session,
    attempt,
    phase,
    deadlineAt,
    remainingSeconds: deadlineAt && phase !== 'finalised' ? remainingSeconds(deadlineAt, now) : null,
  };
}
