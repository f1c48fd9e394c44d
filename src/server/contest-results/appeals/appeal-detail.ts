import { asc, eq, sql } from 'drizzle-orm';
import type { TAppealDetail } from '../../../contracts/contest-results-appeals-detail';
import { practiceSectionPoints } from '../../../core/exam/rules';
import type { Db } from '../../db/client';
import { attemptAdjustments, attempts } from '../../db/schema';
import { asDate, queryRows } from '../../db/sql-rows';
import { loadContestResults } from '../load-results';
import { getAppeal } from './appeal-rows';
import { sandboxReview } from './sandbox-review';
import { theoryReview } from './theory-review';

type Row = Record<string, unknown>;

/** Every event of the candidate's exam, oldest first: the full record an appeal is decided on. */
async function allEvents(db: Db, candidateId: string): Promise<TAppealDetail['events']> {
  const rows = await queryRows<Row>(
    db,
    sql`select e.id::float8 as id, e.at, e.kind, e.seq::float8 as seq, e.payload, e.ip, e.user_agent
        from attempt_events e where e.candidate_id = ${candidateId} order by e.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: asDate(r.at as Date | string)!.toISOString(),
    kind: r.kind as string,
    seq: r.seq === null ? null : Number(r.seq),
    payload: r.payload ?? null,
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
  }));
}

/**
 * What the organiser decides an appeal on: the candidate's result as computed now, the adjustments
 * already made, the attempt's full event log, the theory paper with answers and keys, and the final
 * practice sandbox. Staff only (keys, other mailboxes' traces and grading notes are in it).
 */
export async function appealDetail(db: Db, appealId: string): Promise<TAppealDetail> {
  const appeal = await getAppeal(db, appealId);
  const results = await loadContestResults(db, appeal.contestId, { candidateIds: [appeal.candidateId] });
  const candidate = results.candidates[0]!;
  const rules = results.contest.rules;
  const theoryMax = rules.sections.find((s) => s.code === 'theory')?.points ?? 0;
  const practiceMax = practiceSectionPoints(rules);
  const attemptId = candidate.attemptId;
  const [attempt] = attemptId
    ? await db
        .select({ paper: attempts.paper, answers: attempts.answers, grading: attempts.grading })
        .from(attempts)
        .where(eq(attempts.id, attemptId))
    : [];
  const adjustments = attemptId
    ? await db
        .select()
        .from(attemptAdjustments)
        .where(eq(attemptAdjustments.attemptId, attemptId))
        .orderBy(asc(attemptAdjustments.createdAt))
    : [];
  return {
    appeal,
    candidate: {
      number: candidate.number,
      fullName: candidate.fullName,
      unitName: candidate.unitName,
      sessionName: candidate.sessionName,
      attemptId,
      finalisedAt: candidate.finalisedAt?.toISOString() ?? null,
    },
    sectionMax: { theory: theoryMax, practice: practiceMax, total: theoryMax + practiceMax },
    result: candidate.result,
    adjustments: adjustments.map((a) => ({
      section: a.section,
      points: Number(a.points),
      reason: a.reason,
      appealId: a.appealId,
      createdAt: a.createdAt.toISOString(),
    })),
    events: await allEvents(db, appeal.candidateId),
    theory: attempt ? await theoryReview(db, appeal.contestId, attempt) : [],
    practice: attemptId ? await sandboxReview(db, attemptId) : null,
  };
}
