import { sql } from 'drizzle-orm';
import type { TAppealCandidateList, TAppealContestList } from '../../../contracts/contest-results-appeals';
import type { ContestRules } from '../../../core/exam/contest';
import { foldVietnamese } from '../../../core/shared/text';
import type { Db } from '../../db/client';
import { asDate, queryRows } from '../../db/sql-rows';
import { loadContestResults } from '../load-results';
import { APPEAL_WINDOW_DAYS, appealSections, appealWindowEnd } from './appeal-rules';

/** Contests whose results are published (newest first), with the end of each appeal window. */
export async function appealContests(db: Db): Promise<TAppealContestList> {
  const rows = await queryRows<{
    id: string;
    name: string;
    year: number;
    rules: ContestRules;
    published_at: Date | string;
  }>(
    db,
    sql`select k.id, k.name, k.year, k.rules, pub.published_at
        from contests k join contest_result_publications pub on pub.contest_id = k.id
        order by pub.published_at desc`,
  );
  return {
    windowDays: APPEAL_WINDOW_DAYS,
    items: rows.map((r) => {
      const publishedAt = asDate(r.published_at)!;
      return {
        id: r.id,
        name: r.name,
        year: Number(r.year),
        publishedAt: publishedAt.toISOString(),
        closesAt: appealWindowEnd(publishedAt).toISOString(),
        hasPractice: appealSections(r.rules).includes('practice'),
      };
    }),
  };
}

/**
 * Candidates of a contest who have a finalised attempt, with their result, for the filing form
 * (a reporter sees only their own unit's); a search without diacritics narrows it to 50.
 */
export async function appealCandidates(
  db: Db,
  contestId: string,
  q: string | undefined,
  scopeUnitId?: string | null,
): Promise<TAppealCandidateList> {
  const results = await loadContestResults(
    db,
    contestId,
    scopeUnitId === undefined ? {} : { unitId: scopeUnitId ?? '00000000-0000-0000-0000-000000000000' },
  );
  const term = q?.trim() ? foldVietnamese(q.trim()) : null;
  const items = results.candidates
    .filter((c) => c.state === 'graded' || c.state === 'ungraded')
    .filter((c) => !term || foldVietnamese(`${c.number} ${c.fullName} ${c.unitName}`).includes(term))
    .slice(0, 50)
    .map((c) => ({
      id: c.candidateId,
      number: c.number,
      fullName: c.fullName,
      unitName: c.unitName,
      result: c.result,
    }));
  return { items };
}
