import { type SQL, sql } from 'drizzle-orm';
import type { TAttemptEventList, TProctorCandidate, TProctorSession } from '../../contracts/proctor';
import type { ContestRules } from '../../core/exam/contest';
import { roundPoints } from '../../core/exam/points';
import { practiceScenarioOf, practiceSectionPoints, scalePracticePoints } from '../../core/exam/rules';
import { remainingSeconds } from '../../core/exam/timing';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { asDate, queryRows } from '../db/sql-rows';
import { effectiveDeadline } from './deadlines';

/** A login that made a request this recently counts as connected. */
export const CONNECTED_WINDOW_SECONDS = 45;

type Row = Record<string, unknown>;
const iso = (v: unknown) => asDate((v as Date | string | null) ?? null)?.toISOString() ?? null;

async function sessionSummaries(db: Db, where: SQL): Promise<TProctorSession[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select s.id, s.contest_id, k.name as contest_name, s.name, s.room, s.scheduled_at, s.status,
          s.started_at, s.paused_at, s.ended_at, s.extra_seconds,
          coalesce((k.rules->>'durationMinutes')::int, 0) as duration_minutes,
          coalesce((k.rules->>'graceSeconds')::int, 0) as grace_seconds,
          (select count(*)::int from candidates c where c.session_id = s.id) as candidate_count,
          (select count(*)::int from attempts a where a.session_id = s.id) as prepared_count,
          (select count(*)::int from attempts a where a.session_id = s.id and a.status = 'in_progress')
            as in_progress_count,
          (select count(*)::int from attempts a where a.session_id = s.id and a.status = 'finalised')
            as finalised_count
        from exam_sessions s join contests k on k.id = s.contest_id
        where ${where}
        order by s.scheduled_at, s.name`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    contestId: r.contest_id as string,
    contestName: r.contest_name as string,
    name: r.name as string,
    room: (r.room as string | null) ?? null,
    scheduledAt: iso(r.scheduled_at)!,
    status: r.status as TProctorSession['status'],
    startedAt: iso(r.started_at),
    pausedAt: iso(r.paused_at),
    endedAt: iso(r.ended_at),
    extraSeconds: Number(r.extra_seconds),
    durationMinutes: Number(r.duration_minutes),
    graceSeconds: Number(r.grace_seconds),
    candidateCount: Number(r.candidate_count),
    preparedCount: Number(r.prepared_count),
    inProgressCount: Number(r.in_progress_count),
    finalisedCount: Number(r.finalised_count),
  }));
}

export async function listContestSessions(db: Db, contestId: string): Promise<TProctorSession[]> {
  const [contest] = await queryRows<{ id: string }>(db, sql`select id from contests where id = ${contestId}`);
  if (!contest) throw new AppError('contest_not_found', 'Không tìm thấy cuộc thi');
  return sessionSummaries(db, sql`s.contest_id = ${contestId}`);
}

export async function sessionSummary(db: Db, sessionId: string): Promise<TProctorSession> {
  const [session] = await sessionSummaries(db, sql`s.id = ${sessionId}`);
  if (!session) throw new AppError('exam_session_not_found', 'Không tìm thấy ca thi');
  return session;
}

/** Every candidate of the room at a glance, in one query (the console polls it every few seconds). */
export async function liveCandidates(
  db: Db,
  session: TProctorSession,
  now: Date,
): Promise<TProctorCandidate[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select c.id as candidate_id, c.number, c.full_name, c.unit_name, c.extra_seconds as candidate_extra,
          c.relogin_allowed, a.id as attempt_id, a.status, a.deadline_at, a.extra_seconds as attempt_extra,
          a.last_seq::float8 as last_seq, a.saved_at, a.finalised_at, a.finalised_by,
          coalesce(jsonb_array_length(a.paper), 0) as question_count,
          (select count(*)::int from jsonb_object_keys(coalesce(a.answers, '{}'::jsonb))) as answered_count,
          l.ip, l.user_agent, l.last_seen_at, l.id is not null as logged_in,
          coalesce(f.n, 0) as refused_logins, f.last_at as last_refused_at,
          a.theory_score, p.score as practice_raw, p.max_score as practice_raw_max,
          (p.graded_at is not null and p.state->>'closedAt' is not null) as practice_graded
        from candidates c
        left join attempts a on a.candidate_id = c.id
        left join practice_sandboxes p on p.attempt_id = a.id
        left join candidate_logins l on l.candidate_id = c.id and l.revoked_at is null
          and l.expires_at > ${now.toISOString()}::timestamptz
        left join lateral (
          select count(*)::int as n, max(e.at) as last_at from attempt_events e
          where e.candidate_id = c.id and e.kind = 'login_refused'
        ) f on true
        where c.id in (select id from candidates where session_id = ${session.id}
                       union select candidate_id from attempts where session_id = ${session.id})
        order by c.number`,
  );
  const sessionState = { status: session.status, pausedAt: asDate(session.pausedAt) };
  const rules = await contestRules(db, session.contestId);
  return rows.map((r) => {
    const status = (r.status as TProctorCandidate['status'] | null) ?? 'not_prepared';
    const deadline =
      status === 'in_progress'
        ? effectiveDeadline(asDate(r.deadline_at as Date | null), sessionState, now)
        : null;
    const lastSeen = asDate(r.last_seen_at as Date | null);
    return {
      candidateId: r.candidate_id as string,
      number: r.number as string,
      fullName: r.full_name as string,
      unitName: r.unit_name as string,
      attemptId: (r.attempt_id as string | null) ?? null,
      status,
      deadlineAt: deadline?.toISOString() ?? iso(r.deadline_at),
      remainingSeconds: deadline ? remainingSeconds(deadline, now) : null,
      extraSeconds: Number(r.candidate_extra ?? 0) + Number(r.attempt_extra ?? 0),
      answeredCount: Number(r.answered_count ?? 0),
      questionCount: Number(r.question_count ?? 0),
      lastSeq: Number(r.last_seq ?? 0),
      lastSavedAt: iso(r.saved_at),
      connected: Boolean(lastSeen && now.getTime() - lastSeen.getTime() <= CONNECTED_WINDOW_SECONDS * 1000),
      lastSeenAt: lastSeen?.toISOString() ?? null,
      ip: (r.ip as string | null) ?? null,
      userAgent: (r.user_agent as string | null) ?? null,
      loggedIn: Boolean(r.logged_in),
      refusedLogins: Number(r.refused_logins ?? 0),
      lastRefusedAt: iso(r.last_refused_at),
      reloginAllowed: Boolean(r.relogin_allowed),
      finalisedAt: iso(r.finalised_at),
      finalisedBy: (r.finalised_by as TProctorCandidate['finalisedBy']) ?? null,
      ...scores(r, status, rules),
    };
  });
}

async function contestRules(db: Db, contestId: string): Promise<ContestRules | null> {
  const [row] = await queryRows<{ rules: ContestRules }>(
    db,
    sql`select rules from contests where id = ${contestId}`,
  );
  return row?.rules ?? null;
}

/**
 * Theory, practice and total of a finalised attempt on the contest scale. The practice part counts
 * once graded after the end (its sandbox closed); a contest without a practice scenario has no
 * sandbox and its practice counts 0.
 */
function scores(
  r: Row,
  status: TProctorCandidate['status'],
  rules: ContestRules | null,
): Pick<TProctorCandidate, 'theoryScore' | 'practiceScore' | 'totalScore'> {
  const theory = status === 'finalised' && r.theory_score !== null ? Number(r.theory_score) : null;
  let practice: number | null = null;
  if (status === 'finalised' && rules) {
    if (!practiceScenarioOf(rules)) practice = 0;
    else if (r.practice_graded && r.practice_raw !== null && r.practice_raw_max !== null) {
      practice = scalePracticePoints(
        Number(r.practice_raw),
        Number(r.practice_raw_max),
        practiceSectionPoints(rules),
      );
    }
  }
  return {
    theoryScore: theory,
    practiceScore: practice,
    totalScore: theory !== null && practice !== null ? roundPoints(theory + practice) : null,
  };
}

/** A candidate's dispute record, newest first. */
export async function candidateEvents(
  db: Db,
  sessionId: string,
  candidateId: string,
  page: { limit: number; offset: number },
): Promise<TAttemptEventList> {
  const [owner] = await queryRows<{ id: string }>(
    db,
    sql`select c.id from candidates c left join attempts a on a.candidate_id = c.id
        where c.id = ${candidateId} and (c.session_id = ${sessionId} or a.session_id = ${sessionId})`,
  );
  if (!owner) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh trong ca thi này');
  const rows = await queryRows<Row>(
    db,
    sql`select e.id::float8 as id, e.at, e.kind, e.seq::float8 as seq, e.payload, e.ip, e.user_agent
        from attempt_events e where e.candidate_id = ${candidateId}
        order by e.id desc limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from attempt_events where candidate_id = ${candidateId}`,
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      at: iso(r.at)!,
      kind: r.kind as string,
      seq: r.seq === null ? null : Number(r.seq),
      payload: r.payload,
      ip: (r.ip as string | null) ?? null,
      userAgent: (r.user_agent as string | null) ?? null,
    })),
    total: Number(count?.n ?? 0),
  };
}
