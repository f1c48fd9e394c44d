import { type SQL, sql } from 'drizzle-orm';
import type { ContestRules, PaperItem } from '../../core/exam/contest';
import { type GradedPaper, gradePaper } from '../../core/exam/grade';
import type { Db } from '../db/client';
import { asDate, isoParam, queryRows } from '../db/sql-rows';
import { type RequestOrigin, recordAttemptEvents } from './events';
import { loadAnswerKeys } from './paper-content';

export type FinalisedBy = 'candidate' | 'deadline' | 'proctor';

export interface OpenAttempt {
  id: string;
  candidateId: string;
  sessionId: string;
  paper: PaperItem[];
  answers: Record<string, string[]>;
  deadlineAt: Date | null;
  lastSeq: number;
  graceSeconds: number;
  sessionStatus: 'scheduled' | 'running' | 'paused' | 'ended';
  pausedAt: Date | null;
  multipleScoring: ContestRules['multipleScoring'];
}

/**
 * Locks open attempts matching `where` (aliases: a = attempts, s = exam_sessions, c = contests).
 * `skipLocked` lets several app instances share the work without finalising an attempt twice.
 */
export async function lockOpenAttempts(
  db: Db,
  where: SQL,
  opts: { limit?: number; skipLocked?: boolean } = {},
): Promise<OpenAttempt[]> {
  const rows = await queryRows<
    OpenAttempt & { deadlineAt: Date | string | null; pausedAt: Date | string | null }
  >(
    db,
    sql`select a.id, a.candidate_id as "candidateId", a.session_id as "sessionId", a.paper, a.answers,
          a.deadline_at as "deadlineAt", a.last_seq::float8 as "lastSeq",
          s.status as "sessionStatus", s.paused_at as "pausedAt",
          coalesce((c.rules->>'graceSeconds')::int, 0) as "graceSeconds",
          coalesce(c.rules->>'multipleScoring', 'all_or_nothing') as "multipleScoring"
        from attempts a
        join exam_sessions s on s.id = a.session_id
        join contests c on c.id = s.contest_id
        where a.status = 'in_progress' and (${where})
        order by a.deadline_at, a.id
        ${opts.limit ? sql`limit ${opts.limit}` : sql``}
        for update of a ${opts.skipLocked ? sql`skip locked` : sql``}`,
  );
  return rows.map((r) => ({
    ...r,
    lastSeq: Number(r.lastSeq),
    graceSeconds: Number(r.graceSeconds),
    deadlineAt: asDate(r.deadlineAt),
    pausedAt: asDate(r.pausedAt),
  }));
}

function safeGrade(
  attempt: OpenAttempt,
  keys: Parameters<typeof gradePaper>[2],
): { graded: GradedPaper | null; error: string | null } {
  try {
    return {
      graded: gradePaper(attempt.paper, attempt.answers, keys, { multipleScoring: attempt.multipleScoring }),
      error: null,
    };
  } catch (e) {
    // A grading problem must never keep an attempt open: it is finalised ungraded and regraded later.
    return { graded: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Finalises and grades attempts the caller has locked (same transaction). Only attempts still open
 * change, so a racing finalisation by another path is a no-op. Returns the ids finalised here.
 */
export async function finaliseLockedAttempts(
  db: Db,
  attempts: OpenAttempt[],
  opts: {
    by: FinalisedBy;
    now: Date;
    /** Moodle's rule: an attempt closed by the deadline finishes at the deadline, not when the job ran. */
    finishAt: (attempt: OpenAttempt) => Date;
    actorId?: string | null;
    origin?: RequestOrigin | null;
    reason?: string | null;
  },
): Promise<string[]> {
  if (attempts.length === 0) return [];
  const keys = await loadAnswerKeys(
    db,
    attempts.flatMap((a) => a.paper.map((item) => item.versionId)),
  );
  const results = new Map(attempts.map((a) => [a.id, { attempt: a, ...safeGrade(a, keys) }]));
  const values = [...results.values()].map(({ attempt, graded, error }) => ({
    id: attempt.id,
    finished_at: isoParam(opts.finishAt(attempt)),
    score: graded?.score ?? null,
    max: graded?.max ?? null,
    grading: graded ? { items: graded.items } : { error },
  }));
  const updated = await queryRows<{ id: string }>(
    db,
    sql`update attempts a
        set status = 'finalised', finalised_at = x.finished_at, finalised_by = ${opts.by},
            theory_score = x.score, theory_max = x.max, grading = x.grading
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
          as x(id uuid, finished_at timestamptz, score real, max real, grading jsonb)
        where a.id = x.id and a.status = 'in_progress'
        returning a.id`,
  );
  const kind = opts.by === 'deadline' ? 'finalised' : opts.by === 'candidate' ? 'submit' : 'force_submit';
  await recordAttemptEvents(
    db,
    updated.map(({ id }) => {
      const r = results.get(id)!;
      return {
        candidateId: r.attempt.candidateId,
        attemptId: id,
        kind,
        at: opts.now,
        seq: r.attempt.lastSeq,
        payload: {
          finalisedBy: opts.by,
          finishedAt: opts.finishAt(r.attempt).toISOString(),
          deadlineAt: r.attempt.deadlineAt?.toISOString() ?? null,
          answers: r.attempt.answers,
          theoryScore: r.graded?.score ?? null,
          gradingError: r.error,
          ...(opts.reason ? { reason: opts.reason } : {}),
        },
        ip: opts.origin?.ip ?? null,
        userAgent: opts.origin?.userAgent ?? null,
        actorId: opts.actorId ?? null,
      };
    }),
  );
  return updated.map((r) => r.id);
}
