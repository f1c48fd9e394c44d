import { sql } from 'drizzle-orm';
import type { TExamAppeals } from '../../../contracts/contest-results-appeals';
import type { ContestRules } from '../../../core/exam/contest';
import type { Db } from '../../db/client';
import { asDate, queryRows } from '../../db/sql-rows';
import { selectAppeals } from './appeal-rows';
import { appealSections, appealWindowEnd, appealWindowOpen } from './appeal-rules';

/**
 * What the exam page shows a candidate under their result: whether they may still file (published,
 * within the window, a finalised attempt) and their own appeals with the decisions. Nothing about the
 * staff who filed or decided, nor the event log.
 */
export async function candidateAppeals(db: Db, candidateId: string, now: Date): Promise<TExamAppeals> {
  const [row] = await queryRows<{
    rules: ContestRules;
    published_at: Date | string | null;
    attempt_status: string | null;
  }>(
    db,
    sql`select k.rules, pub.published_at, a.status as attempt_status
        from candidates c join contests k on k.id = c.contest_id
        left join contest_result_publications pub on pub.contest_id = c.contest_id
        left join attempts a on a.candidate_id = c.id
        where c.id = ${candidateId}`,
  );
  const publishedAt = asDate(row?.published_at ?? null);
  const items = await selectAppeals(db, sql`p.candidate_id = ${candidateId}`);
  return {
    published: publishedAt !== null,
    closesAt: publishedAt ? appealWindowEnd(publishedAt).toISOString() : null,
    canFile: appealWindowOpen(publishedAt, now) && row?.attempt_status === 'finalised',
    sections: row ? appealSections(row.rules) : [],
    items: items.map((a) => ({
      id: a.id,
      section: a.section,
      text: a.text,
      status: a.status,
      createdAt: a.createdAt,
      decisionReason: a.decisionReason,
      decidedAt: a.decidedAt,
      adjustment: a.adjustment,
    })),
  };
}
