import { sql } from 'drizzle-orm';
import type { ContestRules } from '../../core/exam/contest';
import { type AttemptResult, type AttemptScores, attemptResult } from '../../core/exam/result';
import { AppError } from '../../core/shared/app-error';
import type { UnitLevel } from '../../core/units/unit';
import type { Db } from '../db/client';
import { asDate, queryRows } from '../db/sql-rows';

/**
 * Where a candidate stands:
 * - `absent`: no attempt, an attempt never started, or the candidate never logged in to the exam page,
 *   answered nothing and did not submit (an attempt the deadline closed so is `absent`; it may carry a
 *   zero `result`);
 * - `in_progress`: the attempt is not finalised yet;
 * - `ungraded`: finalised, but the theory grading failed or the practice sandbox is not graded yet;
 * - `graded`: finalised with both parts graded: `result` is set. Only these are ranked and summarised.
 */
export type CandidateResultState = 'absent' | 'in_progress' | 'ungraded' | 'graded';

/** One candidate of a contest with their stored scores and the result computed from them. */
export interface CandidateResult {
  candidateId: string;
  /** Số báo danh. */
  number: string;
  fullName: string;
  /** yyyy-mm-dd or null. */
  birthDate: string | null;
  position: string | null;
  /** The registry unit (null when the candidate was imported with a unit name only). */
  unitId: string | null;
  /** The registry unit's code (mã đơn vị), null without a registry unit. */
  unitCode: string | null;
  /** The unit name as stored on the candidate (the registry name when the unit exists). */
  unitName: string;
  level: UnitLevel;
  sessionId: string | null;
  sessionName: string | null;
  attemptId: string | null;
  /** The attempt's own status (null without an attempt): an absent candidate's may still be running. */
  attemptStatus: 'ready' | 'in_progress' | 'finalised' | null;
  state: CandidateResultState;
  /** The candidate sat the exam (dự thi): logged in, answered something or submitted. */
  sat: boolean;
  finalisedAt: Date | null;
  /** The stored scores `result` was computed from (theory on the contest scale, practice raw). */
  scores: AttemptScores;
  /** Theory maximum as graded (Σ item points of the paper), null until graded. */
  theoryMax: number | null;
  /** attemptResult(scores, rules): set for every finalised attempt whose parts are graded. */
  result: AttemptResult | null;
}

export interface ContestResults {
  contest: {
    id: string;
    year: number;
    name: string;
    status: 'draft' | 'open' | 'closed';
    rules: ContestRules;
  };
  /** Null until the results are published to candidates. */
  publication: { showAnswers: 'none' | 'own'; publishedAt: Date; publishedBy: string | null } | null;
  /** Every candidate of the contest (or of the filter), ordered by số báo danh. */
  candidates: CandidateResult[];
}

export interface LoadResultsFilter {
  /** Only these candidates (e.g. the one candidate of an exam login). */
  candidateIds?: string[];
  /** Only the candidates of this registry unit (a reporter's own unit). */
  unitId?: string;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * THE read of a contest's results: every candidate with their attempt's stored scores (theory as
 * graded, practice as graded once its sandbox is closed) and appeal adjustments, and the result
 * `attemptResult` computes from them. Three queries, no writes; safe inside a transaction.
 * Throws `contest_not_found`.
 */
export async function loadContestResults(
  db: Db,
  contestId: string,
  filter: LoadResultsFilter = {},
): Promise<ContestResults> {
  const [contest] = await queryRows<Row>(
    db,
    sql`select k.id, k.year, k.name, k.status, k.rules,
          p.show_answers, p.published_at, p.published_by
        from contests k left join contest_result_publications p on p.contest_id = k.id
        where k.id = ${contestId}`,
  );
  if (!contest) throw new AppError('contest_not_found', 'Không tìm thấy cuộc thi');
  const rules = contest.rules as ContestRules;

  const where = [sql`c.contest_id = ${contestId}`];
  if (filter.candidateIds) {
    if (filter.candidateIds.length === 0) where.push(sql`false`);
    else
      where.push(
        sql`c.id in (${sql.join(
          filter.candidateIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
  }
  if (filter.unitId) where.push(sql`c.unit_id = ${filter.unitId}`);

  const rows = await queryRows<Row>(
    db,
    sql`select c.id as candidate_id, c.number, c.full_name, c.birth_date::text as birth_date, c.position, c.unit_id,
          u.code as unit_code, c.unit_name, c.level, c.session_id, s.name as session_name,
          a.id as attempt_id, a.status, a.finalised_at, a.theory_score, a.theory_max,
          p.score as practice_raw, p.max_score as practice_raw_max,
          (p.graded_at is not null and p.state->>'closedAt' is not null) as practice_graded,
          (a.finalised_by = 'candidate' or a.answers <> '{}'::jsonb
            or exists (select 1 from attempt_events e where e.candidate_id = c.id and e.kind = 'login')) as sat
        from candidates c
        left join units u on u.id = c.unit_id
        left join attempts a on a.candidate_id = c.id
        left join exam_sessions s on s.id = coalesce(a.session_id, c.session_id)
        left join practice_sandboxes p on p.attempt_id = a.id
        where ${sql.join(where, sql` and `)}
        order by c.number`,
  );
  const attemptIds = rows.map((r) => r.attempt_id as string | null).filter((id): id is string => !!id);
  const adjustments = new Map<string, AttemptScores['adjustments']>();
  if (attemptIds.length > 0) {
    const adj = await queryRows<{ attempt_id: string; section: 'theory' | 'practice'; points: number }>(
      db,
      sql`select j.attempt_id, j.section, j.points from attempt_adjustments j
          join attempts a on a.id = j.attempt_id
          join candidates c on c.id = a.candidate_id
          where ${sql.join(where, sql` and `)}
          order by j.created_at, j.id`,
    );
    for (const a of adj) {
      const list = adjustments.get(a.attempt_id) ?? [];
      list.push({ section: a.section, points: Number(a.points) });
      adjustments.set(a.attempt_id, list);
    }
  }

  const candidates = rows.map((r): CandidateResult => {
    const attemptId = (r.attempt_id as string | null) ?? null;
    const finalised = r.status === 'finalised';
    const practiceGraded = Boolean(r.practice_graded);
    const scores: AttemptScores = {
      theory: finalised ? num(r.theory_score) : null,
      practiceRaw: finalised && practiceGraded ? num(r.practice_raw) : null,
      practiceRawMax: finalised && practiceGraded ? num(r.practice_raw_max) : null,
      adjustments: (attemptId && adjustments.get(attemptId)) || [],
    };
    const result = finalised ? attemptResult(scores, rules) : null;
    const sat = Boolean(r.sat) && attemptId !== null && r.status !== 'ready';
    const state: CandidateResultState = !sat
      ? 'absent'
      : !finalised
        ? 'in_progress'
        : result === null
          ? 'ungraded'
          : 'graded';
    return {
      candidateId: r.candidate_id as string,
      number: r.number as string,
      fullName: r.full_name as string,
      birthDate: (r.birth_date as string | null) ?? null,
      position: (r.position as string | null) ?? null,
      unitId: (r.unit_id as string | null) ?? null,
      unitCode: (r.unit_code as string | null) ?? null,
      unitName: r.unit_name as string,
      level: r.level as UnitLevel,
      sessionId: (r.session_id as string | null) ?? null,
      sessionName: (r.session_name as string | null) ?? null,
      attemptId,
      attemptStatus: (r.status as CandidateResult['attemptStatus']) ?? null,
      state,
      sat,
      finalisedAt: asDate((r.finalised_at as Date | string | null) ?? null),
      scores,
      theoryMax: finalised ? num(r.theory_max) : null,
      result,
    };
  });
  return {
    contest: {
      id: contest.id as string,
      year: Number(contest.year),
      name: contest.name as string,
      status: contest.status as ContestResults['contest']['status'],
      rules,
    },
    publication: contest.published_at
      ? {
          showAnswers: contest.show_answers as 'none' | 'own',
          publishedAt: asDate(contest.published_at as Date | string)!,
          publishedBy: (contest.published_by as string | null) ?? null,
        }
      : null,
    candidates,
  };
}
