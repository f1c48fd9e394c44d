import { sql } from 'drizzle-orm';
import type { TContestQuestion } from '../../contracts/contest-results-items';
import type { QuestionOption, QuestionType } from '../../core/exam/question';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';

interface Row {
  versionId: string;
  questionId: string;
  code: string | null;
  versionNo: number;
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  override: 'key' | 'drop_credit' | 'drop_remove' | null;
  overrideCorrect: string[] | null;
  overrideReason: string | null;
  attempts: number;
}

/** Whether the contest exists; throws `contest_not_found` otherwise. */
export async function requireContest(db: Db, contestId: string) {
  const [row] = await queryRows<{ status: 'draft' | 'open' | 'closed'; name: string; year: number }>(
    db,
    sql`select status, name, year from contests where id = ${contestId}`,
  );
  if (!row) throw new AppError('contest_not_found', 'Không tìm thấy kỳ thi');
  return row;
}

/**
 * The questions of a contest's finalised papers with the key in force (the bank's, or the corrected
 * one), their correction if any, and how many attempts had each, ordered by code then stem.
 */
export async function contestQuestions(db: Db, contestId: string): Promise<TContestQuestion[]> {
  await requireContest(db, contestId);
  const rows = await queryRows<Row>(
    db,
    sql`with used as (
          select x."versionId" as version_id, count(*)::int as attempts
          from attempts a
          join candidates c on c.id = a.candidate_id
          cross join lateral jsonb_to_recordset(a.paper) as x("versionId" uuid)
          where c.contest_id = ${contestId} and a.status = 'finalised'
          group by x."versionId"
        )
        select v.id as "versionId", q.id as "questionId", q.code, v.version_no as "versionNo", v.type,
          v.stem, v.options, o.mode as override, o.correct as "overrideCorrect", o.reason as "overrideReason",
          used.attempts
        from used
        join question_versions v on v.id = used.version_id
        join questions q on q.id = v.question_id
        left join contest_item_overrides o on o.contest_id = ${contestId} and o.version_id = v.id
        order by q.code nulls last, v.stem, v.id`,
  );
  return rows.map((r) => {
    const bankCorrect = r.options.filter((o) => o.correct).map((o) => o.key);
    const inForce = r.override === 'key' && r.overrideCorrect ? r.overrideCorrect : bankCorrect;
    return {
      versionId: r.versionId,
      questionId: r.questionId,
      code: r.code,
      versionNo: Number(r.versionNo),
      type: r.type,
      stem: r.stem,
      options: r.options.map((o) => ({ key: o.key, text: o.text, correct: inForce.includes(o.key) })),
      bankCorrect,
      override: r.override,
      overrideReason: r.overrideReason,
      attempts: Number(r.attempts),
    };
  });
}
