import { sql } from 'drizzle-orm';
import type { ContestRules } from '../../core/exam/contest';
import { scalePracticePoints } from '../../core/exam/rules';
import type { Db } from '../db/client';
import { asDate, queryRows } from '../db/sql-rows';

export interface PracticeScore {
  /** On the contest's scale: the scenario's points scaled to the practice section's points. */
  points: number;
  /** The practice section's points in the contest rules. */
  max: number;
  /** On the scenario's own scale (Σ task points). */
  raw: number;
  rawMax: number;
  gradedAt: Date;
}

/**
 * The practice part's score of an attempt, to add to its theory score (`attempts.theory_score`, already
 * on the contest's scale): the scenario's total scaled to the points the rules give the practice
 * section (a 55-point scenario in a contest with 40 practice points counts 40/55 per point). Null while
 * the attempt has no graded sandbox; a contest without a practice section counts it as 0 of 0.
 */
export async function practiceScore(db: Db, attemptId: string): Promise<PracticeScore | null> {
  const [row] = await queryRows<{
    score: number | null;
    maxScore: number | null;
    gradedAt: Date | string | null;
    sections: ContestRules['sections'] | null;
  }>(
    db,
    sql`select p.score, p.max_score as "maxScore", p.graded_at as "gradedAt", c.rules->'sections' as sections
        from practice_sandboxes p join attempts a on a.id = p.attempt_id
          join candidates k on k.id = a.candidate_id join contests c on c.id = k.contest_id
        where p.attempt_id = ${attemptId}`,
  );
  if (!row || row.score === null || row.maxScore === null || !row.gradedAt) return null;
  const max = (row.sections ?? []).find((s) => s.code === 'practice')?.points ?? 0;
  const raw = Number(row.score);
  const rawMax = Number(row.maxScore);
  return {
    points: scalePracticePoints(raw, rawMax, max),
    max,
    raw,
    rawMax,
    gradedAt: asDate(row.gradedAt)!,
  };
}
